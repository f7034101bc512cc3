export * from './open-data.module';
export { onGrid, GRID } from './safe-grid';
