import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A certificate (PEM) and its private key (PEM). */
export interface Pair {
  readonly cert: string;
  readonly key: string;
}

/** Certificates made with `openssl` in a temporary folder, removed by `close`. */
export interface Pems {
  /** Self-signed, CN `example.org`, SAN `example.org` and `www.example.org`, 30 days. */
  readonly plain: Pair;
  /** Self-signed wildcard: CN and SAN `*.wild.test`. */
  readonly wildcard: Pair;
  /** Signed by a private CA: the leaf, then the CA, in `cert`. */
  readonly chained: Pair;
  close(): Promise<void>;
}

/**
 * A new EC P-256 key: quick to generate, and a real key for OpenSSL's checks.
 * openssl runs inside the temporary folder, so its arguments are plain words.
 */
const NEW_KEY = '-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes';

/** Makes the certificates the SNI endpoint tests upload. */
export async function makePems(): Promise<Pems> {
  const dir = await mkdtemp(join(tmpdir(), 'sni-pems-'));
  const at = (name: string) => join(dir, name);
  const read = async (cert: string, key: string): Promise<Pair> => ({
    cert: await readFile(at(cert), 'utf8'),
    key: await readFile(at(key), 'utf8'),
  });
  const openssl = (args: string, ...extra: string[]) =>
    run('openssl', [...args.split(' '), ...extra], { cwd: dir });
  const selfSigned = (name: string, subject: string, san: string) =>
    openssl(
      `req -x509 ${NEW_KEY} -days 30 -keyout ${name}.key -out ${name}.pem`,
      '-subj',
      subject,
      '-addext',
      `subjectAltName=${san}`,
    );
  await Promise.all([
    selfSigned(
      'plain',
      '/C=US/O=Emulator Test/CN=example.org',
      'DNS:example.org,DNS:www.example.org',
    ),
    selfSigned('wild', '/CN=*.wild.test', 'DNS:*.wild.test'),
    selfSigned('ca', '/O=Private CA/CN=Private Root', 'DNS:ca.invalid'),
    openssl(`req ${NEW_KEY} -subj /CN=leaf.example.net -keyout leaf.key -out leaf.csr`),
  ]);
  await openssl(
    'x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -out leaf.pem',
  );
  const leaf = await read('leaf.pem', 'leaf.key');
  return {
    plain: await read('plain.pem', 'plain.key'),
    wildcard: await read('wild.pem', 'wild.key'),
    chained: { cert: leaf.cert + (await readFile(at('ca.pem'), 'utf8')), key: leaf.key },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
