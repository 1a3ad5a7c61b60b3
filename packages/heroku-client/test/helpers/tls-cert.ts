/**
 * Makes a throwaway certificate authority and a server certificate for
 * 127.0.0.1 with the openssl command line, in a temporary directory.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A CA certificate and a server key and certificate it signed. */
export interface TestCertificates {
  readonly ca: string;
  readonly key: string;
  readonly cert: string;
}

/** Creates the certificates; throws when openssl is not installed. */
export function createCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'heroku-client-tls-'));
  const at = (name: string) => join(dir, name);
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  try {
    run(
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=Test CA',
      ].concat(['-keyout', at('ca.key'), '-out', at('ca.crt')]),
    );
    run(
      ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1'].concat([
        '-keyout',
        at('server.key'),
        '-out',
        at('server.csr'),
      ]),
    );
    writeFileSync(at('ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
    run(
      ['x509', '-req', '-in', at('server.csr'), '-CA', at('ca.crt'), '-CAkey', at('ca.key')].concat(
        ['-CAcreateserial', '-days', '1', '-extfile', at('ext.cnf'), '-out', at('server.crt')],
      ),
    );
    return {
      ca: readFileSync(at('ca.crt'), 'utf8'),
      key: readFileSync(at('server.key'), 'utf8'),
      cert: readFileSync(at('server.crt'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
