export { ThreePSimulator, DEFAULT_THREEP_TOKEN, type ThreePSimulatorOptions } from './threep-simulator';
export type { ThreePCase, ThreePChange, ThreePNote, ThreePStatus } from './threep-case-store';
