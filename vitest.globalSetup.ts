// Said once per run, whatever runs: whether the suites that run on both engines ran on PostgreSQL too, and why not.
export default function announceEngines(): void {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('PostgreSQL suites skipped: TEST_DATABASE_URL is not set, so the storage and HTTP suites ran on SQLite only (.ci/run sets it to the machine\'s PostgreSQL 15).');
    return;
  }
  let where = url;
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    where = 'the server TEST_DATABASE_URL names';
  }
  console.log(`PostgreSQL suites run on ${where} (TEST_DATABASE_URL): the storage suites, and the HTTP, outbox CLI and case suites a second time (project "postgres"), each test file or wiki in a schema of its own.`);
}
