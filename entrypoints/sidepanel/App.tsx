export function App() {
  return (
    <main>
      <h1>oit-audit</h1>
      <p>ตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)</p>
    </main>
  );
}
