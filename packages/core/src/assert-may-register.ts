import type { RegistryMode } from '@llmsr/storage';
import { RegistryError } from './registry-error.js';

/**
 * Refuse a registration the subject's mode forbids: none in READONLY modes, and a chosen id
 * or version only in IMPORT mode. The caller checks it before it stores anything.
 * @throws RegistryError `OPERATION_NOT_PERMITTED`.
 */
export function assertMayRegister(
  subject: string,
  mode: RegistryMode,
  input: { id?: number | undefined; version?: number | undefined },
): void {
  if (mode === 'READONLY' || mode === 'READONLY_OVERRIDE') {
    throw new RegistryError('OPERATION_NOT_PERMITTED', `Subject '${subject}' is in ${mode} mode`, {
      subject,
      mode,
    });
  }
  if ((input.id !== undefined || input.version !== undefined) && mode !== 'IMPORT') {
    throw new RegistryError(
      'OPERATION_NOT_PERMITTED',
      'Choosing the id or version of a schema is only allowed in IMPORT mode',
      { subject, mode },
    );
  }
}
