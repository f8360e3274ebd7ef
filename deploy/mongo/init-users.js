// One MongoDB user per InvestFlow service, allowed to read and write its own database and nothing else
// (a compromised service cannot read another service's cases, envelopes or projects).
//
// The mongo image runs this once, as the root user (MONGO_INITDB_ROOT_USERNAME), when it starts on an
// empty data directory (mounted into /docker-entrypoint-initdb.d by docker-compose.yml). Passwords come
// from the container's environment, i.e. from .env; each service's SPRING_MONGODB_URI carries the same
// variable. To change a password later: db.getSiblingDB('<db>').changeUserPassword('<user>', '...').
// Passwords go into connection URIs: use URL-safe characters (`openssl rand -hex 24`).
const accounts = [
  { user: 'intake', db: 'investflow_intake', passwordVariable: 'MONGO_INTAKE_PASSWORD' },
  { user: 'negotiation', db: 'investflow_negotiation', passwordVariable: 'MONGO_NEGOTIATION_PASSWORD' },
  { user: 'e-signature', db: 'investflow_signing', passwordVariable: 'MONGO_E_SIGNATURE_PASSWORD' },
  { user: 'project-tracking', db: 'investflow_tracking', passwordVariable: 'MONGO_PROJECT_TRACKING_PASSWORD' },
  // the portal's browser sessions
  { user: 'portal', db: 'investflow_portal', passwordVariable: 'MONGO_PORTAL_PASSWORD' },
];

for (const account of accounts) {
  const password = process.env[account.passwordVariable];
  if (!password) {
    throw new Error(`${account.passwordVariable} is not set: refusing to create ${account.user} without a password`);
  }
  db.getSiblingDB(account.db).createUser({
    user: account.user,
    pwd: password,
    roles: [{ role: 'readWrite', db: account.db }],
  });
  print(`created ${account.user} with readWrite on ${account.db}`);
}
