import type { ReferenceField, Subcategory, TopdeskCatalog, TopdeskRef } from './topdesk-catalog';

/**
 * TOPdesk's reference fields take `{ "id": ... }` or `{ "name": ... }`, never both; `null` clears
 * the field. A name or id that is not in the tenant's list is a 400.
 */
export function resolveReference(
  catalog: TopdeskCatalog,
  field: ReferenceField,
  value: unknown,
  errors: string[],
  category?: TopdeskRef | null,
): TopdeskRef | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    errors.push(`The value for the field '${field}' cannot be parsed.`);
    return undefined;
  }
  const { id, name } = value as { id?: unknown; name?: unknown };
  if (id !== undefined && name !== undefined) {
    errors.push(`The field '${field}' can contain either an 'id' or a 'name', not both.`);
    return undefined;
  }
  if (typeof id !== 'string' && typeof name !== 'string') {
    errors.push(`The field '${field}' needs an 'id' or a 'name'.`);
    return undefined;
  }
  let candidates = catalog.list(field);
  // Subcategory names repeat across categories: a name is looked up under the chosen category.
  if (field === 'subcategory' && category) {
    candidates = (candidates as Subcategory[]).filter((sub) => sub.category.id === category.id);
  }
  const found =
    typeof id === 'string'
      ? candidates.find((entry) => entry.id === id)
      : candidates.find((entry) => entry.name.toLowerCase() === (name as string).toLowerCase());
  if (!found) {
    const key = typeof id === 'string' ? 'id' : 'name';
    errors.push(
      `The value for the field '${field}.${key}' is not valid: '${String(id ?? name)}' was not found.`,
    );
    return undefined;
  }
  return { id: found.id, name: found.name };
}

/** TOPdesk refuses a subcategory that does not belong to the incident's category. */
export function checkSubcategory(
  catalog: TopdeskCatalog,
  category: TopdeskRef | null,
  subcategory: TopdeskRef | null,
  errors: string[],
): void {
  if (!subcategory) return;
  const sub = catalog.subcategories.find((entry) => entry.id === subcategory.id);
  if (!category) errors.push("The field 'subcategory' can only be set together with a 'category'.");
  else if (sub && sub.category.id !== category.id) {
    errors.push(`The subcategory '${subcategory.name}' does not belong to the category '${category.name}'.`);
  }
}
