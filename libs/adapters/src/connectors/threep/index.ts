export { ThreePAdapter } from './threep.adapter';
export { readThreePOptions, THREEP_MAPPED_FIELDS, type ThreePOptions } from './threep-options';
