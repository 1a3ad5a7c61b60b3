import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The emulator's TLS material: a local CA and a server certificate it signed. */
export interface Certificates {
  /** Path of the CA certificate (PEM): what clients trust, e.g. via NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  readonly ca: string;
  /** Server certificate (PEM) for 127.0.0.1, ::1 and localhost. */
  readonly cert: string;
  /** Server private key (PEM). */
  readonly key: string;
}

/** Where the emulator keeps its data when no directory is given. */
export function defaultDataDir(): string {
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'heroku-emulator');
}

/** Certificates are renewed this long before they expire. */
const RENEW_BEFORE_MS = 24 * 60 * 60 * 1000;

/**
 * Loads the CA and server certificate kept in `<dataDir>/tls`, creating them on first use
 * (or when they are unusable or about to expire). Creation shells out to the `openssl`
 * binary, because Node cannot issue X.509 certificates. Concurrent first starts are safe:
 * each builds in a private directory and the first rename wins.
 */
export async function ensureCertificates(dataDir = defaultDataDir()): Promise<Certificates> {
  const dir = join(dataDir, 'tls');
  const existing = await load(dir);
  if (existing) return existing;
  const stale = await stat(dir).then(
    () => true,
    () => false,
  );

  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const staging = await mkdtemp(join(dataDir, '.tls-'));
  try {
    await issue(staging).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      throw new Error('creating the rendezvous TLS certificate needs the `openssl` binary on PATH');
    });
    // Only a set found unusable is moved aside: when several emulators start at once with
    // none, the first rename wins and every one of them reads that same set.
    if (stale) await rename(dir, `${staging}-old`).catch(() => {});
    await rename(staging, dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(`${staging}-old`, { recursive: true, force: true });
  }

  const created = await load(dir);
  if (!created) throw new Error(`could not create usable TLS certificates in ${dir}`);
  return created;
}

async function load(dir: string): Promise<Certificates | undefined> {
  const caFile = join(dir, 'ca.pem');
  try {
    const [ca, cert, key] = await Promise.all(
      ['ca.pem', 'server.pem', 'server.key'].map((name) => readFile(join(dir, name), 'utf8')),
    );
    if (!ca || !cert || !key || !isUsable(ca, cert)) return undefined;
    return { caFile, ca, cert, key };
  } catch {
    return undefined;
  }
}

function isUsable(caPem: string, certPem: string): boolean {
  try {
    const ca = new X509Certificate(caPem);
    const cert = new X509Certificate(certPem);
    const fresh = (c: X509Certificate) => Date.parse(c.validTo) - Date.now() > RENEW_BEFORE_MS;
    return (
      fresh(ca) &&
      fresh(cert) &&
      cert.verify(ca.publicKey) &&
      cert.checkIP('127.0.0.1') !== undefined &&
      cert.checkHost('localhost') !== undefined
    );
  } catch {
    return false;
  }
}

async function issue(dir: string): Promise<void> {
  // Run inside `dir` so file arguments stay plain names, whatever the data path holds.
  const openssl = (words: string, ...rest: string[]) =>
    run('openssl', [...words.split(' '), ...rest], { cwd: dir });
  const newKey = '-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes';

  await openssl(
    `req -x509 ${newKey} -keyout ca.key -out ca.pem -days 3650`,
    ...['-subj', '/CN=heroku-emulator local CA'],
    ...['-addext', 'basicConstraints=critical,CA:TRUE'],
    ...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
  );
  await openssl(`req -new ${newKey} -keyout server.key -out server.csr`, '-subj', '/CN=localhost');
  await writeFile(
    join(dir, 'server.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost',
      '',
    ].join('\n'),
  );
  // 825 days is the longest lifetime clients such as macOS accept for a server certificate.
  await openssl(
    'x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem',
    ...['-days', '825', '-extfile', 'server.ext'],
  );
  await rm(join(dir, 'server.csr'));
}
