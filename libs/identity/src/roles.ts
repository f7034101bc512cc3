export const ROLES = ['admin', 'supervisor', 'regional_agent', 'municipal_agent', 'integration'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose holders see every municipality, whatever is listed on their account. */
export const REGION_WIDE_ROLES: readonly Role[] = ['admin', 'regional_agent'];
/** Roles that may handle tickets (read, reply, transition). */
export const STAFF_ROLES: readonly Role[] = ['admin', 'supervisor', 'regional_agent', 'municipal_agent'];
