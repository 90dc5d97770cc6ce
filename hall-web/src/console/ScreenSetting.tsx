/** The hall screen's two settings (综合屏): whether booked applicants' masked names show next to their call, and how often the voice says each call. */
import { useEffect, useState } from 'react';
import { SCREEN_NAME_MODES, type ScreenNameMode } from '../../../shared/hall/screen-contract';
import type { ApiError } from '../../../shared/result';
import { LabelOptions } from '../../../renderer/src/kit/choices';
import { consoleCall } from '../api';
import { ErrorBanner, Field } from '../ui';

const NAME_CHOICES: Record<ScreenNameMode, string> = { none: '不显示姓名（只显示号码）', masked: '显示预约人脱敏姓名（如 张*丰）' };

export function ScreenSetting() {
  const [names, setNames] = useState<ScreenNameMode>('none');
  const [times, setTimes] = useState(1);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    void consoleCall('screenSettings', {}).then((r) => {
      if (!r.ok) return setProblem(r.error);
      setNames(r.value.names);
      setTimes(r.value.announceTimes);
    });
  }, []);

  const save = async (): Promise<void> => {
    setNote('');
    const r = await consoleCall('saveScreenSettings', { names, announceTimes: times });
    setProblem(r.ok ? null : r.error);
    if (r.ok) setNote('已保存，综合屏在下次刷新数据时生效');
  };

  return (
    <section className="card narrow" aria-labelledby="screen-setting-title">
      <h2 id="screen-setting-title">综合屏与语音播报</h2>
      <ErrorBanner error={problem} withFields />
      <Field label="叫号时显示姓名">
        <select name="names" value={names} onChange={(e) => setNames(e.target.value === 'masked' ? 'masked' : 'none')}>
          <LabelOptions keys={SCREEN_NAME_MODES} labels={NAME_CHOICES} />
        </select>
      </Field>
      <Field label="每次叫号播报遍数">
        <select name="announceTimes" value={times} onChange={(e) => setTimes(Number(e.target.value))}>
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {n} 遍
            </option>
          ))}
        </select>
      </Field>
      <div className="actions">
        {note && <span className="muted">{note}</span>}
        <button type="button" className="primary" onClick={() => void save()}>
          保存
        </button>
      </div>
    </section>
  );
}
