/**
 * The one typed settings module. The backend is electron-store under Electron
 * and conf in host mode: both keep the same JSON file in the data directory.
 */
import { CounterError } from '../../../shared/result';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/settings';
import { describeIssues } from '../../../shared/validation';

/** The part of electron-store / conf this module uses. */
export interface SettingsBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

export const SETTINGS_FILE_NAME = 'settings';

export class SettingsStore {
  private current: Settings;

  constructor(private readonly backend: SettingsBackend) {
    this.current = SettingsStore.parse(backend);
  }

  /** Validates what is on disk over the defaults; a malformed file is refused, never silently reset. */
  private static parse(backend: SettingsBackend): Settings {
    const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...backend.store });
    if (!parsed.success) {
      const { message } = describeIssues(parsed.error);
      throw new CounterError(
        'VALIDATION',
        `设置文件 ${backend.path} 内容有误（${message.replace(/^请检查输入：/, '')}），请修正该文件或请管理员处理；程序未改动任何数据。`,
      );
    }
    return parsed.data;
  }

  get(): Settings {
    return { ...this.current };
  }

  /** Validates the merged result before writing, so the file never holds a bad value. */
  update(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.current, ...patch });
    this.backend.store = next;
    this.current = next;
    return this.get();
  }
}
