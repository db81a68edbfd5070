/**
 * Commands that live in their own modules. Each is loaded lazily so `gongkai calendar …` stays fast.
 */
import { CliError } from '../args.js';

type Handler = (args: { positionals: string[]; flags: Record<string, string | true> }) => Promise<number>;
type Register = (name: string, load: () => Promise<Handler>) => void;

export function loadExtraCommands(register: Register): void {
  register('notice', async () => (await import('./notice.js')).noticeCommand);
  register('demo', async () => (await import('./demo.js')).demoCommand);
  register('backup', async () => (await import('./backup.js')).backupCommand);
  register('restore', async () => (await import('./backup.js')).restoreCommand);
  void CliError;
}
