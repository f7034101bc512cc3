export { UltimoSimulator } from './ultimo-simulator';
export {
  DEFAULT_ULTIMO_SIMULATOR_OPTIONS,
  type UltimoSimulatorOptions,
  type UltimoStatusCodes,
} from './ultimo-simulator-options';
export type { UltimoJob } from './ultimo-job-store';
