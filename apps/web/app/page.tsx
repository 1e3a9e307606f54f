export default function LandingPage() {
  return (
    <main>
      <h1>movierec</h1>
      <p>Ranked, explained movie and TV recommendations. The full site arrives with issue 5.</p>
    </main>
  );
}
