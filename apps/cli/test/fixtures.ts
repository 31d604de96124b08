/** A JSON Schema for people. */
export const PERSON = JSON.stringify({
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' } },
  required: ['name'],
  additionalProperties: false,
});

/** PERSON with a new optional field: backward compatible. */
export const PERSON_V2 = JSON.stringify({
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' }, email: { type: 'string' } },
  required: ['name'],
  additionalProperties: false,
});

/** PERSON with `age` newly required: not backward compatible. */
export const PERSON_BREAKING = JSON.stringify({
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' } },
  required: ['name', 'age'],
  additionalProperties: false,
});

/** An Avro record. */
export const USER_AVRO = JSON.stringify({
  type: 'record',
  name: 'User',
  fields: [{ name: 'id', type: 'long' }],
});

/** A Protobuf message. */
export const ORDER_PROTO =
  'syntax = "proto3";\nmessage Order { string id = 1; int64 cents = 2; }\n';
