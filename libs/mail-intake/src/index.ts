export * from './mail-intake.module';
export { InboundSmtpServer } from './inbound-smtp.server';
