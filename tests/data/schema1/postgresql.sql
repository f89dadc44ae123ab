-- The schema-1 DDL of qpextract (commit 6e0708a, io/db.py), postgresql dialect: a fixture for the migration test.

CREATE TABLE articles (
	id TEXT NOT NULL, 
	content_hash TEXT NOT NULL, 
	schema_version TEXT NOT NULL, 
	source TEXT, 
	title TEXT, 
	published TEXT, 
	authors TEXT NOT NULL, 
	text TEXT NOT NULL, 
	sentences TEXT NOT NULL, 
	warnings TEXT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_articles_published ON articles (published);

CREATE TABLE abbreviations (
	article_id TEXT NOT NULL, 
	idx INTEGER NOT NULL, 
	text TEXT, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	short TEXT NOT NULL, 
	expansion TEXT NOT NULL, 
	category TEXT, 
	rule TEXT, 
	PRIMARY KEY (article_id, idx), 
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);

CREATE INDEX ix_abbreviations_short ON abbreviations (short);

CREATE TABLE dates (
	article_id TEXT NOT NULL, 
	idx INTEGER NOT NULL, 
	text TEXT, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	type TEXT NOT NULL, 
	value TEXT, 
	part_of_day TEXT, 
	first_day DATE, 
	last_day DATE, 
	year_inferred BOOLEAN NOT NULL, 
	rule TEXT, 
	PRIMARY KEY (article_id, idx), 
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);

CREATE INDEX ix_dates_first_day ON dates (first_day);

CREATE INDEX ix_dates_last_day ON dates (last_day);

CREATE INDEX ix_dates_value ON dates (value);

CREATE TABLE officials (
	article_id TEXT NOT NULL, 
	idx INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	honorific TEXT, 
	rank TEXT, 
	mentions TEXT NOT NULL, 
	PRIMARY KEY (article_id, idx), 
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);

CREATE INDEX ix_officials_name ON officials (name);

CREATE TABLE positions (
	article_id TEXT NOT NULL, 
	official_idx INTEGER NOT NULL, 
	idx INTEGER NOT NULL, 
	title TEXT NOT NULL, 
	organization TEXT, 
	text TEXT NOT NULL, 
	PRIMARY KEY (article_id, official_idx, idx), 
	FOREIGN KEY(article_id, official_idx) REFERENCES officials (article_id, idx) ON DELETE CASCADE
);

CREATE INDEX ix_positions_title ON positions (title);

CREATE TABLE ranks (
	article_id TEXT NOT NULL, 
	idx INTEGER NOT NULL, 
	text TEXT, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	rank TEXT NOT NULL, 
	grade INTEGER NOT NULL, 
	branch TEXT NOT NULL, 
	holder TEXT, 
	PRIMARY KEY (article_id, idx), 
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);

CREATE INDEX ix_ranks_rank ON ranks (rank);

CREATE TABLE numbers (
	article_id TEXT NOT NULL, 
	idx INTEGER NOT NULL, 
	text TEXT, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	value FLOAT NOT NULL, 
	unit TEXT NOT NULL, 
	subject TEXT, 
	total FLOAT, 
	qualifier TEXT, 
	change_value FLOAT, 
	change_direction TEXT, 
	change_unit TEXT, 
	rule TEXT, 
	PRIMARY KEY (article_id, idx), 
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);

CREATE INDEX ix_numbers_unit ON numbers (unit);

CREATE TABLE events (
	article_id TEXT NOT NULL, 
	idx INTEGER NOT NULL, 
	type TEXT NOT NULL, 
	trigger TEXT NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	date TEXT, 
	period TEXT, 
	location TEXT, 
	organizer TEXT, 
	main BOOLEAN NOT NULL, 
	rule TEXT, 
	PRIMARY KEY (article_id, idx), 
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);

CREATE INDEX ix_events_date ON events (date);

CREATE INDEX ix_events_type ON events (type);

CREATE TABLE event_participants (
	article_id TEXT NOT NULL, 
	event_idx INTEGER NOT NULL, 
	idx INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	PRIMARY KEY (article_id, event_idx, idx), 
	FOREIGN KEY(article_id, event_idx) REFERENCES events (article_id, idx) ON DELETE CASCADE
);

CREATE INDEX ix_event_participants_name ON event_participants (name);

CREATE TABLE locations (
	article_id TEXT NOT NULL, 
	idx INTEGER NOT NULL, 
	text TEXT, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	kind TEXT NOT NULL, 
	name TEXT, 
	PRIMARY KEY (article_id, idx), 
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);

CREATE INDEX ix_locations_kind ON locations (kind);

CREATE TABLE organizations (
	article_id TEXT NOT NULL, 
	idx INTEGER NOT NULL, 
	text TEXT, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	kind TEXT NOT NULL, 
	PRIMARY KEY (article_id, idx), 
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);

CREATE INDEX ix_organizations_kind ON organizations (kind);

CREATE TABLE errors (
	id TEXT NOT NULL, 
	content_hash TEXT NOT NULL, 
	schema_version TEXT NOT NULL, 
	source TEXT, 
	kind TEXT NOT NULL, 
	message TEXT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_errors_kind ON errors (kind);
