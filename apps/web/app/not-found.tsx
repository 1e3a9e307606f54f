import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="page">
      <h1>Page not found</h1>
      <p>
        That page does not exist. <Link href="/">Go to the start page</Link>.
      </p>
    </main>
  );
}
