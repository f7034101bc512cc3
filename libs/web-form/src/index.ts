export * from './web-form.module';
