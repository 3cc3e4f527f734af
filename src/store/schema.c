#include "schema.h"

const char *const tl_schema_migrations[] = {
	/* 1: the agenda framework, regions, observations, chapters. */
	"CREATE TABLE agenda ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  slug TEXT NOT NULL, title TEXT NOT NULL, subtitle TEXT, organisation TEXT,"
	"  period_start INTEGER, period_end INTEGER, report_year INTEGER, report_title TEXT,"
	"  focus_region TEXT, national_region TEXT, lang TEXT NOT NULL DEFAULT 'nl');"
	"CREATE TABLE theme ("
	"  slug TEXT PRIMARY KEY, position INTEGER NOT NULL, title TEXT NOT NULL, subtitle TEXT);"
	"CREATE TABLE goal ("
	"  number INTEGER PRIMARY KEY, theme TEXT NOT NULL REFERENCES theme(slug),"
	"  title TEXT NOT NULL, body TEXT);"
	"CREATE TABLE indicator ("
	"  slug TEXT PRIMARY KEY, theme TEXT REFERENCES theme(slug), position INTEGER NOT NULL,"
	"  title TEXT NOT NULL, subject TEXT, unit TEXT NOT NULL, decimals INTEGER NOT NULL,"
	"  polarity TEXT NOT NULL CHECK (polarity IN ('higher-is-better','lower-is-better','neutral')),"
	"  source TEXT, source_detail TEXT, notes TEXT);"
	"CREATE TABLE indicator_goal ("
	"  indicator TEXT NOT NULL REFERENCES indicator(slug) ON DELETE CASCADE,"
	"  goal INTEGER NOT NULL REFERENCES goal(number),"
	"  PRIMARY KEY (indicator, goal));"
	"CREATE TABLE series_break ("
	"  indicator TEXT NOT NULL REFERENCES indicator(slug) ON DELETE CASCADE,"
	"  year INTEGER NOT NULL, explanation TEXT NOT NULL,"
	"  PRIMARY KEY (indicator, year));"
	"CREATE TABLE region ("
	"  code TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL,"
	"  parent TEXT REFERENCES region(code) DEFERRABLE INITIALLY DEFERRED,"
	"  classification_year INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE region_group ("
	"  slug TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT);"
	"CREATE TABLE region_group_member ("
	"  grp TEXT NOT NULL REFERENCES region_group(slug) ON DELETE CASCADE,"
	"  region TEXT NOT NULL REFERENCES region(code),"
	"  position INTEGER NOT NULL,"
	"  PRIMARY KEY (grp, region));"
	"CREATE TABLE period ("
	"  code TEXT PRIMARY KEY, year INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('JJ','KW','MM')), sub INTEGER NOT NULL);"
	"CREATE TABLE import ("
	"  id INTEGER PRIMARY KEY, file TEXT NOT NULL, started TEXT NOT NULL,"
	"  rows INTEGER, observations INTEGER);"
	"CREATE TABLE observation ("
	"  indicator TEXT NOT NULL REFERENCES indicator(slug) DEFERRABLE INITIALLY DEFERRED,"
	"  region TEXT NOT NULL REFERENCES region(code) DEFERRABLE INITIALLY DEFERRED,"
	"  period TEXT NOT NULL REFERENCES period(code),"
	"  value REAL,"
	"  status TEXT NOT NULL CHECK (status IN ('final','provisional','unknown','suppressed',"
	"    'not-applicable','missing')),"
	"  source TEXT, note TEXT,"
	"  import_id INTEGER REFERENCES import(id),"
	"  PRIMARY KEY (indicator, region, period),"
	"  CHECK ((value IS NOT NULL) = (status IN ('final','provisional'))));"
	"CREATE TABLE chapter ("
	"  slug TEXT PRIMARY KEY, position INTEGER NOT NULL, theme TEXT REFERENCES theme(slug),"
	"  title TEXT, path TEXT, markdown TEXT NOT NULL);",

	/* 2: where an indicator's figures come from in statistics tables. */
	"CREATE TABLE indicator_import ("
	"  indicator TEXT NOT NULL REFERENCES indicator(slug) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL, topic TEXT NOT NULL, table_id TEXT,"
	"  scale REAL NOT NULL DEFAULT 1, source TEXT,"
	"  PRIMARY KEY (indicator, position));"
	"CREATE TABLE indicator_import_dim ("
	"  indicator TEXT NOT NULL, position INTEGER NOT NULL, key TEXT NOT NULL, code TEXT NOT NULL,"
	"  PRIMARY KEY (indicator, position, key),"
	"  FOREIGN KEY (indicator, position) REFERENCES indicator_import(indicator, position)"
	"    ON DELETE CASCADE);",

	/* 3: observations under one integer key.  The text-keyed table stored
	 * every key twice (table and primary-key index) and repeated the source
	 * text in every row: 236 MB and 6x SQLite's plain .import for the
	 * national Gezondheidsmonitor.  Indicators, regions and periods get
	 * stable integer ids (a new indicator or region takes max(id) + 1 when
	 * it is inserted and keeps it; a period's id is computed from its code:
	 * year*100, +10+quarter, +20+month), and an observation's key packs the
	 * three: indicator_id << 43 | region_id << 19 | period_id (ids below
	 * 2^20, 2^24 and 2^19; migration 12 put the period first).  The key is the rowid, so an insert costs what
	 * an append to a plain table costs, the key stays unique, and one
	 * indicator's (or one indicator and region's) cells are one key range.
	 * Sources are a dictionary; statuses small integers in tl_status
	 * order.  Only the store writes obs (store_sqlite.c), and it checks
	 * every id it packs.  The view `observation` shows the text columns. */
	"ALTER TABLE indicator ADD COLUMN id INTEGER;"
	"UPDATE indicator SET id = rowid;"
	"CREATE UNIQUE INDEX indicator_id ON indicator(id);"
	"ALTER TABLE region ADD COLUMN id INTEGER;"
	"UPDATE region SET id = rowid;"
	"CREATE UNIQUE INDEX region_id ON region(id);"
	"ALTER TABLE period ADD COLUMN id INTEGER;"
	"UPDATE period SET id = year * 100 + CASE kind WHEN 'JJ' THEN 0 WHEN 'KW' THEN 10 + sub ELSE 20 + sub END;"
	"CREATE UNIQUE INDEX period_id ON period(id);"
	"CREATE TABLE source (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);"
	"INSERT INTO source (text) SELECT DISTINCT source FROM observation WHERE source IS NOT NULL ORDER BY source;"
	"CREATE TABLE obs ("
	"  key INTEGER PRIMARY KEY,"
	"  value REAL,"
	"  status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 5),"
	"  source_id INTEGER,"
	"  note TEXT,"
	"  import_id INTEGER,"
	"  CHECK ((value IS NOT NULL) = (status IN (0, 1))));"
	"INSERT INTO obs SELECT (i.id << 43) | (r.id << 19) | p.id, o.value,"
	"  CASE o.status WHEN 'final' THEN 0 WHEN 'provisional' THEN 1 WHEN 'unknown' THEN 2"
	"    WHEN 'suppressed' THEN 3 WHEN 'not-applicable' THEN 4 ELSE 5 END,"
	"  s.id, o.note, o.import_id"
	"  FROM observation o JOIN indicator i ON i.slug = o.indicator JOIN region r ON r.code = o.region"
	"  JOIN period p ON p.code = o.period LEFT JOIN source s ON s.text = o.source;"
	"DROP TABLE observation;"
	"CREATE VIEW observation AS SELECT i.slug AS indicator, r.code AS region, p.code AS period,"
	"  o.value AS value,"
	"  CASE o.status WHEN 0 THEN 'final' WHEN 1 THEN 'provisional' WHEN 2 THEN 'unknown'"
	"    WHEN 3 THEN 'suppressed' WHEN 4 THEN 'not-applicable' ELSE 'missing' END AS status,"
	"  s.text AS source, o.note AS note, o.import_id AS import_id"
	"  FROM obs o JOIN indicator i ON i.id = (o.key >> 43) JOIN region r ON r.id = ((o.key >> 19) & 16777215)"
	"  JOIN period p ON p.id = (o.key & 524287) LEFT JOIN source s ON s.id = o.source_id;",

	/* 4: the annual report's content (model/report.h): instruments with
	 * partners, municipalities, goals, grants and stated totals; targets
	 * with their progress; stories with the people in them; next steps.
	 * Dates are text as precise as the source gives them ("2027",
	 * "2026-03", "2026-12-31").  Amounts are euros; NULL = not given. */
	"CREATE TABLE instrument ("
	"  slug TEXT PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,"
	"  theme TEXT REFERENCES theme(slug), description TEXT, budget REAL, budget_note TEXT,"
	"  start_year INTEGER NOT NULL DEFAULT 0, end_year INTEGER NOT NULL DEFAULT 0,"
	"  in_agenda INTEGER NOT NULL DEFAULT 1, source TEXT);"
	"CREATE TABLE instrument_partner ("
	"  instrument TEXT NOT NULL REFERENCES instrument(slug) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (instrument, position));"
	"CREATE TABLE instrument_region ("
	"  instrument TEXT NOT NULL REFERENCES instrument(slug) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL, region TEXT NOT NULL REFERENCES region(code),"
	"  PRIMARY KEY (instrument, position));"
	"CREATE TABLE instrument_goal ("
	"  instrument TEXT NOT NULL REFERENCES instrument(slug) ON DELETE CASCADE,"
	"  goal INTEGER NOT NULL REFERENCES goal(number), PRIMARY KEY (instrument, goal));"
	"CREATE TABLE stated_total ("
	"  instrument TEXT NOT NULL REFERENCES instrument(slug) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL, year INTEGER NOT NULL DEFAULT 0, theme TEXT REFERENCES theme(slug),"
	"  count INTEGER, amount REAL, text TEXT, PRIMARY KEY (instrument, position));"
	"CREATE TABLE award ("
	"  instrument TEXT NOT NULL REFERENCES instrument(slug) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL, recipient TEXT, project TEXT,"
	"  region TEXT REFERENCES region(code), year INTEGER NOT NULL, amount REAL, note TEXT,"
	"  PRIMARY KEY (instrument, position));"
	"CREATE TABLE award_goal ("
	"  instrument TEXT NOT NULL, position INTEGER NOT NULL,"
	"  goal INTEGER NOT NULL REFERENCES goal(number),"
	"  PRIMARY KEY (instrument, position, goal),"
	"  FOREIGN KEY (instrument, position) REFERENCES award(instrument, position) ON DELETE CASCADE);"
	"CREATE TABLE target ("
	"  slug TEXT PRIMARY KEY, position INTEGER NOT NULL, title TEXT NOT NULL,"
	"  theme TEXT REFERENCES theme(slug), instrument TEXT REFERENCES instrument(slug),"
	"  unit TEXT, decimals INTEGER NOT NULL DEFAULT 0,"
	"  polarity TEXT NOT NULL CHECK (polarity IN ('higher-is-better','lower-is-better','neutral')),"
	"  baseline REAL, baseline_date TEXT, target REAL, deadline TEXT, text TEXT, source TEXT);"
	"CREATE TABLE target_goal ("
	"  target TEXT NOT NULL REFERENCES target(slug) ON DELETE CASCADE,"
	"  goal INTEGER NOT NULL REFERENCES goal(number), PRIMARY KEY (target, goal));"
	"CREATE TABLE target_progress ("
	"  target TEXT NOT NULL REFERENCES target(slug) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL, date TEXT NOT NULL, value REAL NOT NULL, source TEXT, note TEXT,"
	"  PRIMARY KEY (target, position));"
	"CREATE TABLE story ("
	"  slug TEXT PRIMARY KEY, position INTEGER NOT NULL, title TEXT NOT NULL, kicker TEXT, lead TEXT,"
	"  place TEXT, region TEXT REFERENCES region(code), date TEXT,"
	"  published INTEGER NOT NULL CHECK (published IN (0, 1)), path TEXT, markdown TEXT NOT NULL);"
	"CREATE TABLE story_person ("
	"  story TEXT NOT NULL REFERENCES story(slug) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL, name TEXT NOT NULL, role TEXT,"
	"  consent INTEGER NOT NULL CHECK (consent IN (0, 1)), alias TEXT,"
	"  PRIMARY KEY (story, position));"
	"CREATE TABLE story_goal ("
	"  story TEXT NOT NULL REFERENCES story(slug) ON DELETE CASCADE,"
	"  goal INTEGER NOT NULL REFERENCES goal(number), PRIMARY KEY (story, goal));"
	"CREATE TABLE story_instrument ("
	"  story TEXT NOT NULL REFERENCES story(slug) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL, instrument TEXT NOT NULL REFERENCES instrument(slug),"
	"  PRIMARY KEY (story, position));"
	"CREATE TABLE next_step ("
	"  position INTEGER PRIMARY KEY, slug TEXT, theme TEXT NOT NULL REFERENCES theme(slug),"
	"  year INTEGER NOT NULL,"
	"  status TEXT NOT NULL CHECK (status IN ('planned','started','done','dropped')),"
	"  text TEXT NOT NULL, outcome TEXT);",

	/* 5: the region register and municipal mergers.  The register holds
	 * every region code a statistics file names (the whole country's
	 * landsdelen, provinces, COROP areas, municipalities, wijken and buurten,
	 * old ones included), with its classification year and the first and
	 * last year it has a figure.  It is kept apart from `region`, which is
	 * the agenda's own (authoritative) list that reports are built from:
	 * registering 17 000 wijken and buurten must not change a report.  An
	 * import never renames a registered region; it only fills gaps.  Region
	 * groups are CBS's code-list groups (GMPV22 = municipalities of
	 * Drenthe).  Mergers belong to the agenda: old codes, the new code, the
	 * year, and whether a series across it is broken or mapped. */
	"CREATE TABLE region_register ("
	"  code TEXT PRIMARY KEY, name TEXT, level TEXT, parent TEXT, grp TEXT,"
	"  classification_year INTEGER NOT NULL DEFAULT 0,"
	"  first_year INTEGER, last_year INTEGER);"
	"CREATE TABLE region_register_group ("
	"  code TEXT PRIMARY KEY, title TEXT NOT NULL, parent TEXT);"
	"CREATE TABLE merger ("
	"  new_code TEXT NOT NULL, year INTEGER NOT NULL,"
	"  action TEXT NOT NULL CHECK (action IN ('break', 'map')),"
	"  PRIMARY KEY (new_code, year));"
	"CREATE TABLE merger_old ("
	"  new_code TEXT NOT NULL, year INTEGER NOT NULL, position INTEGER NOT NULL, old_code TEXT NOT NULL,"
	"  PRIMARY KEY (new_code, year, position),"
	"  FOREIGN KEY (new_code, year) REFERENCES merger(new_code, year) ON DELETE CASCADE);",

	/* 6: bound figures as they were when their text was accepted (`telling
	 * check --accept`), so the check can say which ones the data moved. */
	"CREATE TABLE accepted_binding ("
	"  chapter TEXT NOT NULL, binding TEXT NOT NULL, shown TEXT NOT NULL, period TEXT,"
	"  accepted_at TEXT NOT NULL,"
	"  PRIMARY KEY (chapter, binding));",
	/* 7: telling serve: accounts (argon2id hashes only), sessions (a hash of
	 * the cookie token, never the token), the audit trail (who, when, what,
	 * before and after as JSON text) and published report snapshots (every
	 * file's bytes, frozen).  "app_user" because USER is reserved in SQL. */
	"CREATE TABLE app_user ("
	"  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, pwhash TEXT NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN ('admin','editor','partner','viewer')),"
	"  organisation TEXT, created TEXT NOT NULL,"
	"  CHECK ((role = 'partner') = (organisation IS NOT NULL)));"
	"CREATE TABLE session ("
	"  token_hash TEXT PRIMARY KEY,"
	"  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,"
	"  csrf TEXT NOT NULL, expires INTEGER NOT NULL);"
	"CREATE TABLE audit ("
	"  id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_name TEXT NOT NULL, action TEXT NOT NULL,"
	"  entity TEXT NOT NULL, entity_key TEXT NOT NULL, before TEXT, after TEXT);"
	"CREATE TABLE publication ("
	"  id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_name TEXT NOT NULL, note TEXT,"
	"  digest TEXT NOT NULL);"
	"CREATE TABLE publication_file ("
	"  publication INTEGER NOT NULL REFERENCES publication(id), path TEXT NOT NULL,"
	"  content BLOB NOT NULL, PRIMARY KEY (publication, path));",

	/* 8: region outlines for maps, from the boundary file the agenda names
	 * (agenda.boundaries).  Points are little-endian IEEE 754 doubles x, y;
	 * rings little-endian 32-bit point counts.  crs: 0 WGS84, 1 RD New. */
	"ALTER TABLE agenda ADD COLUMN boundaries TEXT;"
	"ALTER TABLE agenda ADD COLUMN boundaries_source TEXT;"
	"CREATE TABLE region_shape ("
	"  region TEXT PRIMARY KEY REFERENCES region(code) ON DELETE CASCADE,"
	"  crs INTEGER NOT NULL CHECK (crs IN (0, 1)),"
	"  rings BLOB NOT NULL, points BLOB NOT NULL);",

	/* 9: versions for edits from telling serve.  Every item the editor can
	 * change carries the version it was last written at; a save or delete
	 * names the version its form was loaded at and is refused when the item
	 * moved on (no lost update, whichever process or engine wrote it).
	 * Versions come from one store-wide counter that only grows, so a key
	 * that is deleted and used again (grant positions) never returns to a
	 * version a stale form still holds.  0 = as imported, never edited. */
	"ALTER TABLE chapter ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE story ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE award ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE target_progress ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE next_step ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE app_user ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE edit_counter (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);"
	"INSERT INTO edit_counter (id, n) VALUES (1, 0);",

	/* 10: instruments and targets are edited from telling serve too, with
	 * the same version check as the items of migration 9. */
	"ALTER TABLE instrument ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE target ADD COLUMN version INTEGER NOT NULL DEFAULT 0;",

	/* 11: the rules of telling check an agenda switches off (agenda.yml
	 * check: {off: [...]}), as "form date"; NULL = none. */
	"ALTER TABLE agenda ADD COLUMN check_off TEXT;",

	/* 12: observation keys packed period first: period_id << 44 |
	 * region_id << 20 | indicator_id (migration 3 packed indicator <<
	 * 43 | region << 19 | period).  Statistics files come a period per
	 * file (RIVM, RMBW) or per row (CBS), with a row per region and a
	 * column per indicator, so a file now writes ascending keys, an append
	 * to the b-tree; indicator first made every row of a second period
	 * insert into as many key ranges as it had indicators (the national
	 * Gezondheidsmonitor: 2,2 s, now 1,6 s).  Nothing reads obs in key
	 * order.  The rows are copied into a new table in the new key order
	 * (an append; updating the keys in place took 4x as long). */
	"DROP VIEW observation;"
	"CREATE TABLE obs_by_period ("
	"  key INTEGER PRIMARY KEY,"
	"  value REAL,"
	"  status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 5),"
	"  source_id INTEGER,"
	"  note TEXT,"
	"  import_id INTEGER,"
	"  CHECK ((value IS NOT NULL) = (status IN (0, 1))));"
	"INSERT INTO obs_by_period (key, value, status, source_id, note, import_id)"
	"  SELECT ((key & 524287) << 44) | (((key >> 19) & 16777215) << 20) | (key >> 43),"
	"    value, status, source_id, note, import_id FROM obs ORDER BY 1;"
	"DROP TABLE obs;"
	"ALTER TABLE obs_by_period RENAME TO obs;"
	"CREATE VIEW observation AS SELECT i.slug AS indicator, r.code AS region, p.code AS period,"
	"  o.value AS value,"
	"  CASE o.status WHEN 0 THEN 'final' WHEN 1 THEN 'provisional' WHEN 2 THEN 'unknown'"
	"    WHEN 3 THEN 'suppressed' WHEN 4 THEN 'not-applicable' ELSE 'missing' END AS status,"
	"  s.text AS source, o.note AS note, o.import_id AS import_id"
	"  FROM obs o JOIN indicator i ON i.id = (o.key & 1048575) JOIN region r ON r.id = ((o.key >> 20) & 16777215)"
	"  JOIN period p ON p.id = (o.key >> 44) LEFT JOIN source s ON s.id = o.source_id;",

	/* 13: a count of commits that changed data, for telling serve's change
	 * counter on SQLite (sql_sqlite.c adds one in every such transaction;
	 * login sessions do not count).  PRAGMA data_version alone moves on
	 * any commit.  PostgreSQL counts notifications instead: there it stays
	 * 0. */
	"CREATE TABLE data_counter (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);"
	"INSERT INTO data_counter (id, n) VALUES (1, 0);",
};

const int tl_schema_version = (int)(sizeof tl_schema_migrations / sizeof *tl_schema_migrations);
