/** JSON Schemas shared by the core tests. */

/** A closed record with one required field of its own: each is BACKWARD-incompatible with the others. */
export const recordWith = (field: string) => ({
  type: 'object',
  properties: { [field]: { type: 'string' } },
  required: [field],
  additionalProperties: false,
});

/** A schema with an `$id`, referenced by `customer`. */
export const address = {
  $id: 'https://example.com/address.json',
  type: 'object',
  properties: { city: { type: 'string' } },
};

/** A schema referencing `address` by its `$id`. */
export const customer = {
  type: 'object',
  properties: { home: { $ref: 'https://example.com/address.json' } },
};

/** The references that resolve `customer`'s `$ref` to version 1 of subject `address`. */
export const addressReferences = [
  { name: 'https://example.com/address.json', subject: 'address', version: 1 },
];
