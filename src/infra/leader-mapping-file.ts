import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LeaderMappingError, parseLeaderMapping, type LeaderMapping } from '../core/doubts/leader-mapping.js';

/** Default file name looked for in DATA_DIR when LEADER_MAPPING_FILE is not set. */
export const DEFAULT_LEADER_MAPPING_FILES = ['leaders.yaml', 'leaders.yml', 'leaders.json'];

/**
 * Loads the board's leader mapping. With an explicit path the file must exist; otherwise the
 * default names in `dataDir` are tried and `undefined` means "no mapping" (Graph or nothing).
 * Throws {@link LeaderMappingError} naming the file and the entry.
 */
export async function loadLeaderMappingFile(options: { file?: string; dataDir: string }): Promise<LeaderMapping | undefined> {
  if (options.file) {
    const source = await readOrThrow(options.file);
    return parseLeaderMapping(source, path.basename(options.file));
  }
  for (const name of DEFAULT_LEADER_MAPPING_FILES) {
    const candidate = path.join(options.dataDir, name);
    let source: string;
    try {
      source = await readFile(candidate, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new LeaderMappingError(name, '', `kan het bestand niet lezen (${(error as NodeJS.ErrnoException).code ?? 'onbekende fout'})`);
    }
    return parseLeaderMapping(source, name);
  }
  return undefined;
}

async function readOrThrow(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === 'ENOENT' ? 'het bestand bestaat niet (controleer LEADER_MAPPING_FILE)' : `kan het bestand niet lezen (${code ?? 'onbekende fout'})`;
    throw new LeaderMappingError(file, '', detail);
  }
}
