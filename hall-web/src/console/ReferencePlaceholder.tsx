/** Where reference data editing (catalogue, calendar, staff, commitments, bookings import) will live. */
export function ReferencePlaceholder() {
  return (
    <section className="card" aria-labelledby="reference-title">
      <h2 id="reference-title">基础数据</h2>
      <p className="muted">事项目录、节假日调整、工作人员账号、服务承诺和预约数据导入将在此维护，保存后由各窗口自动同步。</p>
      <ul className="console-todo">
        <li>事项目录</li>
        <li>节假日与调休</li>
        <li>工作人员</li>
        <li>服务承诺</li>
        <li>预约导入</li>
      </ul>
    </section>
  );
}
