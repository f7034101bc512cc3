export { UltimoAdapter } from './ultimo.adapter';
export { DEFAULT_ULTIMO_OPTIONS, readUltimoOptions, type UltimoOptions } from './ultimo-options';
