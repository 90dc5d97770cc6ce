/** The start screen: take a ticket by matter, by appointment code, 绿色通道; or read the ID card on the reader. */
export function StartScreen({ hallName, busy, onMatters, onCode, onGreen }: { hallName: string; busy: boolean; onMatters: () => void; onCode: () => void; onGreen: () => void }) {
  return (
    <main className="kiosk-screen kiosk-start">
      <h1 className="kiosk-hall">{hallName}</h1>
      <p className="kiosk-title">自助取号</p>
      <div className="kiosk-start-actions">
        <button type="button" className="kiosk-big" disabled={busy} onClick={onMatters}>
          <span className="kiosk-big-label">办理业务取号</span>
          <span className="kiosk-big-note">选择要办理的事项</span>
        </button>
        <button type="button" className="kiosk-big is-appointment" disabled={busy} onClick={onCode}>
          <span className="kiosk-big-label">预约取号</span>
          <span className="kiosk-big-note">输入或扫描预约号签到</span>
        </button>
        <button type="button" className="kiosk-big is-green" disabled={busy} onClick={onGreen}>
          <span className="kiosk-big-label">绿色通道</span>
          <span className="kiosk-big-note">老年人、残疾人、孕妇优先</span>
        </button>
      </div>
      <p className="kiosk-card-hint">已网上预约？请将身份证放在读卡区，自动签到取号</p>
    </main>
  );
}
