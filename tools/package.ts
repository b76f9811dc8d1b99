/**
 * `npm run package -- --env dev`: builds the Teams app package build/appPackage.<env>.zip.
 *
 * Reads env/.env.<env> (KEY=value lines, # comments), fills the ${{KEY}} placeholders of
 * manifest/manifest.template.json, validates the result offline against the JSON schema that
 * @microsoft/app-manifest ships, and zips manifest.json, color.png and outline.png.
 * An invalid manifest exits with code 1 and lists every schema error.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import appManifest from '@microsoft/app-manifest';
import JSZip from 'jszip';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The demo bot id used when `--env local` leaves BOT_ID empty (anonymous Playground mode). */
export const DEMO_BOT_ID = '00000000-0000-0000-0000-000000000000';

/** A problem the user can fix; the CLI prints the message without a stack trace. */
export class PackageError extends Error {
  constructor(message: string, readonly details: readonly string[] = []) {
    super(message);
    this.name = 'PackageError';
  }
}

/** Parses Teams Toolkit style env text: `KEY=value` lines, `#` comments, optional quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2]!.trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    else value = value.replace(/\s+#.*$/, '');
    values[match[1]!] = value;
  }
  return values;
}

/** Replaces every `${{KEY}}` in the template; keys without a non-empty value are returned as missing. */
export function fillTemplate(template: string, values: Record<string, string | undefined>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = template.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (placeholder, key: string) => {
    const value = values[key];
    if (value === undefined || value.trim() === '') {
      missing.add(key);
      return placeholder;
    }
    // The value lands inside a JSON string: escape it the way JSON would.
    return JSON.stringify(value.trim()).slice(1, -1);
  });
  return { text, missing: [...missing] };
}

/** Absolute path of the schema @microsoft/app-manifest ships for a manifest version, e.g. "1.30". */
export function bundledSchemaPath(manifestVersion: string): string {
  const packageMain = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  return path.join(path.dirname(packageMain), 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

/**
 * Validates a Teams manifest against the bundled JSON schema of its `manifestVersion`, without network.
 * Returns an empty list when valid, else one readable line per schema error.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (typeof manifest !== 'object' || manifest === null) return ['manifest is not a JSON object'];
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof version !== 'string') return ['/manifestVersion is missing'];
  const schemaFile = bundledSchemaPath(version);
  if (!existsSync(schemaFile)) return [`/manifestVersion "${version}" has no bundled schema in @microsoft/app-manifest`];
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as never;
  // Passing the schema ourselves keeps validation offline whatever $schema URL the manifest has.
  return appManifest.AppManifestUtils.validateAgainstSchema(manifest as never, schema);
}

export interface BuildOptions {
  env: string;
  rootDir?: string;
  /** Where the zip goes; default build/appPackage.<env>.zip. */
  outFile?: string;
  warn?: (message: string) => void;
}

export interface BuildResult {
  zipPath: string;
  manifest: Record<string, unknown>;
}

/** Loads env/.env.<env> and turns it into placeholder values (plus APP_VERSION from package.json). */
export function loadEnvironment(env: string, rootDir = ROOT, warn: (message: string) => void = () => {}): Record<string, string> {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(env)) throw new PackageError(`Ongeldige omgeving "${env}" (invalid env name). Gebruik bijvoorbeeld --env dev of --env local.`);
  const envFile = path.join(rootDir, 'env', `.env.${env}`);
  if (!existsSync(envFile)) {
    const example = path.join('env', `.env.${env}.example`);
    throw new PackageError(
      `Bestand ${path.join('env', `.env.${env}`)} ontbreekt (missing env file).` +
        (existsSync(path.join(rootDir, example)) ? ` Kopieer ${example} naar env/.env.${env} en vul de waarden in.` : ''),
    );
  }
  const values = parseEnvFile(readFileSync(envFile, 'utf8'));
  if (!values.APP_VERSION) {
    values.APP_VERSION = (JSON.parse(readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as { version: string }).version;
  }
  if (env === 'local' && !values.BOT_ID) {
    values.BOT_ID = DEMO_BOT_ID;
    warn(`Let op: BOT_ID is leeg, het pakket gebruikt demo-id ${DEMO_BOT_ID}. Dit pakket werkt niet in echte Teams (demo only).`);
  }
  return values;
}

/** Fills, validates and zips the app package; throws {@link PackageError} with details when it cannot. */
export async function buildAppPackage(options: BuildOptions): Promise<BuildResult> {
  const rootDir = options.rootDir ?? ROOT;
  const values = loadEnvironment(options.env, rootDir, options.warn);
  const template = readFileSync(path.join(rootDir, 'manifest', 'manifest.template.json'), 'utf8');
  const { text, missing } = fillTemplate(template, values);
  if (missing.length > 0) {
    throw new PackageError(
      `Deze variabelen ontbreken of zijn leeg in env/.env.${options.env} (missing variables): ${missing.join(', ')}`,
      missing.map((key) => `${key}=<waarde>`),
    );
  }
  const manifest = JSON.parse(text) as Record<string, unknown>;
  const errors = await validateManifest(manifest);
  if (errors.length > 0) throw new PackageError(`Het manifest is ongeldig (invalid manifest): ${errors.length} fout(en)`, errors);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  const icons = manifest.icons as { color: string; outline: string };
  for (const icon of [icons.color, icons.outline]) {
    const iconPath = path.join(rootDir, 'manifest', icon);
    if (!existsSync(iconPath)) throw new PackageError(`Icoon ${path.join('manifest', icon)} ontbreekt (missing icon). Maak het met: npx tsx tools/make-icons.ts`);
    zip.file(icon, readFileSync(iconPath));
  }
  const zipPath = options.outFile ?? path.join(rootDir, 'build', `appPackage.${options.env}.zip`);
  mkdirSync(path.dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { zipPath, manifest };
}

function envArgument(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--env') return argv[i + 1] ?? '';
    if (arg.startsWith('--env=')) return arg.slice('--env='.length);
  }
  return 'dev';
}

async function main(): Promise<void> {
  const env = envArgument(process.argv.slice(2));
  try {
    const result = await buildAppPackage({ env, warn: (message) => console.warn(message) });
    console.log(`App-pakket gemaakt (app package written): ${path.relative(process.cwd(), result.zipPath)}`);
  } catch (err) {
    if (!(err instanceof PackageError)) throw err;
    console.error(err.message);
    for (const detail of err.details) console.error(`  - ${detail}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
