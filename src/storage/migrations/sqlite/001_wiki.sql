-- The wiki host: accounts, blocks, sessions, pages, revisions and talk-page items.

CREATE TABLE users (
  user_id INTEGER PRIMARY KEY,
  user_name TEXT NOT NULL UNIQUE,
  -- scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>
  password_hash TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  email_confirmed_at INTEGER,
  registered_at INTEGER NOT NULL,
  edit_count INTEGER NOT NULL DEFAULT 0 CHECK (edit_count >= 0),
  language TEXT
) STRICT;

CREATE TABLE user_groups (
  user_id INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  group_name TEXT NOT NULL,
  PRIMARY KEY (user_id, group_name)
) STRICT;

CREATE TABLE blocks (
  block_id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  by_user_id INTEGER REFERENCES users (user_id),
  reason TEXT NOT NULL DEFAULT '',
  sitewide INTEGER NOT NULL CHECK (sitewide IN (0, 1)),
  created_at INTEGER NOT NULL,
  expires_at INTEGER
) STRICT;
CREATE INDEX blocks_user ON blocks (user_id);

-- What a partial block covers: pages by id, or whole namespaces.
CREATE TABLE block_restrictions (
  block_id INTEGER NOT NULL REFERENCES blocks (block_id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('page', 'namespace')),
  value INTEGER NOT NULL,
  PRIMARY KEY (block_id, kind, value)
) STRICT;

-- Session ids are stored hashed, so a copy of the database does not hand out live sessions.
CREATE TABLE sessions (
  session_hash TEXT PRIMARY KEY,
  user_id INTEGER REFERENCES users (user_id) ON DELETE CASCADE,
  token_secret TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE login_failures (
  throttle_key TEXT NOT NULL,
  failed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failures_key ON login_failures (throttle_key, failed_at);

CREATE TABLE pages (
  page_id INTEGER PRIMARY KEY,
  namespace INTEGER NOT NULL,
  -- The title without its namespace, with underscores (MediaWiki's DB key).
  title TEXT NOT NULL,
  content_model TEXT NOT NULL CHECK (content_model IN ('wikitext', 'json', 'talk')),
  latest_rev_id INTEGER,
  UNIQUE (namespace, title)
) STRICT;

CREATE TABLE revisions (
  rev_id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES pages (page_id),
  parent_rev_id INTEGER REFERENCES revisions (rev_id),
  actor_user_id INTEGER REFERENCES users (user_id),
  -- A user name, or an IP address for logged-out edits.
  actor_name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  -- The whole text for wikitext and JSON pages; NULL for talk pages, whose items live in talk_items.
  content TEXT,
  size INTEGER NOT NULL
) STRICT;
CREATE INDEX revisions_page ON revisions (page_id, rev_id);
CREATE INDEX revisions_actor ON revisions (actor_name, rev_id);

-- Topics (headings) and signed comments of talk pages; append-only, so revision N shows the items with rev_id <= N.
CREATE TABLE talk_items (
  item_id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES pages (page_id),
  rev_id INTEGER NOT NULL REFERENCES revisions (rev_id),
  -- DiscussionTools' id: h-… for a topic, c-<author>-<YYYYMMDDHHMMSS>[-<parent>] for a comment.
  thread_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('heading', 'comment')),
  topic_item_id INTEGER REFERENCES talk_items (item_id),
  parent_item_id INTEGER REFERENCES talk_items (item_id),
  depth INTEGER NOT NULL CHECK (depth >= 0),
  author_name TEXT NOT NULL,
  author_user_id INTEGER REFERENCES users (user_id),
  created_at INTEGER NOT NULL,
  -- The heading's title, or the comment's text as typed (plain text with [[wikilinks]]).
  body TEXT NOT NULL,
  UNIQUE (page_id, thread_id)
) STRICT;
CREATE INDEX talk_items_page ON talk_items (page_id, rev_id);
