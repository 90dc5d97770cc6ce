/**
 * The kiosk page (/kiosk, 自助取号): pairing on first start, then the start
 * screen, the matter choice (also for 绿色通道), the appointment code, the ID
 * card reader, and the ticket. Touch only: every input is an on-screen button.
 */
import { useCallback, useState } from 'react';
import { CodeScreen } from './CodeScreen';
import { storedPairing, type KioskPairing } from './kiosk-client';
import { MatterScreen } from './MatterScreen';
import { PairScreen } from './PairScreen';
import { StartScreen } from './StartScreen';
import { TicketScreen } from './TicketScreen';
import { useIdWedge } from './useIdWedge';
import { useKiosk, type KioskState } from './useKiosk';

export function KioskApp() {
  const [pairing, setPairing] = useState<KioskPairing | null>(storedPairing);
  const unpaired = useCallback(() => setPairing(null), []);
  return pairing === null ? <PairScreen onPaired={setPairing} /> : <PairedKiosk pairing={pairing} onUnpaired={unpaired} />;
}

function Problem({ state }: { state: KioskState }) {
  if (state.problem === null) return null;
  const { error, retry } = state.problem;
  return (
    <div className="kiosk-overlay" role="alertdialog" aria-label="取号未成功">
      <div className="kiosk-dialog">
        <p className="kiosk-dialog-message" data-code={error.code}>
          {error.message}
        </p>
        <div className="kiosk-dialog-actions">
          {retry && (
            <button type="button" className="kiosk-primary" disabled={state.busy} onClick={retry}>
              重试
            </button>
          )}
          <button type="button" className="kiosk-secondary" onClick={() => state.show({ kind: 'start' })}>
            返回首页
          </button>
        </div>
      </div>
    </div>
  );
}

function PairedKiosk({ pairing, onUnpaired }: { pairing: KioskPairing; onUnpaired: () => void }) {
  const state = useKiosk(pairing, onUnpaired);
  const { screen, take, show } = state;
  const home = useCallback(() => show({ kind: 'start' }), [show]);
  const submitCode = useCallback((appointmentCode: string) => take({ appointmentCode }), [take]);
  useIdWedge((screen.kind === 'start' || screen.kind === 'matters') && !state.busy, (documentNumber) => take({ documentNumber }));
  return (
    <div className="kiosk" data-screen={screen.kind}>
      {screen.kind === 'start' && (
        <StartScreen
          hallName={pairing.hallName}
          busy={state.busy}
          onMatters={() => show({ kind: 'matters', green: false, notice: null, documentNumber: null })}
          onCode={() => show({ kind: 'code' })}
          onGreen={() => show({ kind: 'matters', green: true, notice: null, documentNumber: null })}
        />
      )}
      {screen.kind === 'matters' && (
        <MatterScreen
          matters={state.matters}
          green={screen.green}
          notice={screen.notice}
          busy={state.busy}
          onTake={(matter) => take({ matter, priority: screen.green ? 'green' : 'normal', ...(screen.documentNumber === null ? {} : { documentNumber: screen.documentNumber }) })}
          onBack={home}
        />
      )}
      {screen.kind === 'code' && <CodeScreen busy={state.busy} onSubmit={submitCode} onBack={home} />}
      {screen.kind === 'ticket' && <TicketScreen answer={screen.answer} onDone={home} />}
      {state.busy && <div className="kiosk-busy">正在取号，请稍候…</div>}
      <Problem state={state} />
      <footer className="kiosk-footer">取号机 {pairing.kioskNo}</footer>
    </div>
  );
}
