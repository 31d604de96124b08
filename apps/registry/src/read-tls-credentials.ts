import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TlsCredentials } from '@llmsr/server';
import type { TlsFiles } from './load-config.js';
import { StartupError } from './startup-error.js';

function firstLine(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  // A file error's code (ENOENT, EACCES) says it all; a parse error's message is the reason.
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  return String(message ?? error).split('\n', 1)[0] ?? '';
}

function readPem(setting: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new StartupError(setting, `${setting}: cannot read ${path}: ${firstLine(error)}`, {
      cause: error,
    });
  }
}

/**
 * Read the TLS certificate and key once, at start, and check them before any port opens: a file
 * that cannot be read, is not PEM, or a key that does not belong to the certificate is a
 * {@link StartupError} naming `TLS_CERT_FILE` or `TLS_KEY_FILE`, never a failed handshake later.
 *
 * @example
 * ```ts
 * const credentials = readTlsCredentials({ certFile: 'cert.pem', keyFile: 'key.pem' });
 * ```
 */
export function readTlsCredentials(files: TlsFiles): TlsCredentials {
  const cert = readPem('TLS_CERT_FILE', files.certFile);
  const key = readPem('TLS_KEY_FILE', files.keyFile);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch (error) {
    throw new StartupError(
      'TLS_CERT_FILE',
      `TLS_CERT_FILE: ${files.certFile} is not a PEM certificate: ${firstLine(error)}`,
      { cause: error },
    );
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch (error) {
    throw new StartupError(
      'TLS_KEY_FILE',
      `TLS_KEY_FILE: ${files.keyFile} is not an unencrypted PEM private key: ${firstLine(error)}`,
      { cause: error },
    );
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new StartupError(
      'TLS_KEY_FILE',
      `TLS_KEY_FILE: ${files.keyFile} is not the key of the certificate in TLS_CERT_FILE (${files.certFile})`,
    );
  }
  return { cert, key };
}
