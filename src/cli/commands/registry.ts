/**
 * Commands that live in their own modules. Each is loaded lazily so `gongkai calendar …` stays fast.
 */
import { CliError } from '../args.js';

type Handler = (args: { positionals: string[]; flags: Record<string, string | true> }) => Promise<number>;
type Register = (name: string, load: () => Promise<Handler>) => void;

export function loadExtraCommands(register: Register): void {
  register('notice', async () => (await import('./notice.js')).noticeCommand);
  register('demo', async () => (await import('./demo.js')).demoCommand);
  register('user', async () => (await import('./user.js')).userCommand);
  register('backup', async () => (await import('./backup.js')).backupCommand);
  register('restore', async () => (await import('./backup.js')).restoreCommand);
  register('export', async () => (await import('./export-requests.js')).exportCommand);
  register('report', async () => (await import('./report-annual.js')).reportCommand);
  // `import KIND FILE`: each kind lives in ./import-KIND.ts exporting `import<Kind>Command` (publications, requests, cases …).
  register('import', async () => async (args) => {
    const kind = args.positionals[0] ?? '';
    if (!/^[a-z]+$/.test(kind)) throw new CliError('用法：gongkai import requests|cases|publications FILE');
    if (kind === 'requests' || kind === 'cases' || kind === 'facts') return (await import('./import.js'))[`import${kind[0].toUpperCase()}${kind.slice(1)}Command` as 'importRequestsCommand'](args);
    const name = `import${kind[0].toUpperCase()}${kind.slice(1)}Command`;
    const mod = (await import(`./import-${kind}.js`).catch((e: NodeJS.ErrnoException) => {
      if (e?.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes(`import-${kind}`)) throw new CliError(`未知的导入类型 "${kind}"：可导入 requests、cases、publications`);
      throw e;
    })) as Record<string, Handler>;
    if (typeof mod[name] !== 'function') throw new CliError(`未知的导入类型 "${kind}"`);
    return mod[name](args);
  });
  void CliError;
}
