-- Fills a migrated, empty Cms database with a deterministic benchmark data set, in pure SQL.
--
--   psql -v posts=100000 -f bench/data/generate.sql "host=localhost port=55432 dbname=cms_bench_x user=cms"
--
-- posts defaults to 100000. Optional: -v until='2026-11-01 00:00:00+00' (the newest possible
-- published_at; default that instant, or today's midnight if the clock is earlier, so that no post is
-- in the future) and -v seed=0.42.
--
-- What it makes (the same rows for the same posts/until/seed: random() is seeded and drawn by one
-- backend in a fixed order, parallel query off; ids are UUID v7 whose random part is an md5):
--   * 50 authors (one with an accented name, José Álvarez -> jose-alvarez), used ~half uniformly and
--     ~half by 1/rank: the busiest writes ~11% of the posts, the quietest ~1.4%.
--   * 200 tags in popularity order with Zipf use (1/rank): "technology" is on ~40% of the posts,
--     tag 25 "kubernetes" on ~2% (1,840 published of 100k), tag 200 "http" on ~0.2%. 1–5 tags a post.
--   * 10 categories (News ... "Guides & How-Tos" -> guides-how-tos), ~1/rank, 1 a post, 25% have 2.
--   * posts: 90% 'published' between until - 5 years and until, 10% 'draft' (published_at NULL);
--     created_at up to a week before publication, 30% updated later; 1 author, 10% two. Ids are
--     UUID v7 of created_at (time-ordered, like Guid.CreateVersion7 in the app), for tags and authors too.
--   * markdown bodies of 2–10 KB (avg ~5.8 KB): prose paragraphs, "## " headings, "- " lists, code
--     blocks, **bold**, `code` and links, taken from a pool of 7,919 paragraphs written from a
--     ~720-word vocabulary (function words + content words, Zipf-like by rank). Common words are in
--     most posts ("people" in all, "government" in ~74%), the last ones in ~35% ("error").
--     Each post also has one sentence with a word of a 254-word "rare" list, drawn by 1/rank
--     ("aardvark" in ~12% of the posts, "zeppelin" in 70, "zinnia" in 59); 20% of titles end with it.
--   * titles of 4–8 words (+ the rare word), slug = title + "-" + n; an excerpt sentence; html is a
--     naive rendering ('<p>' per paragraph); reading_time_minutes = ceil(words / 200); metadata '{}';
--     no feature image; published_event_at = published_at (already announced to webhooks).
--
-- Run time, 100,000 posts on 2 cores: ~2 to 2.5 minutes, nearly all of it the INSERT into posts, whose
-- stored search_vector (to_tsvector over ~6 KB of text) and GIN index cost ~1 ms a post. See
-- docs/performance.md, "Query plans at 100,000 posts".

\set ON_ERROR_STOP on
\if :{?posts}
\else
  \set posts 100000
\endif
\if :{?seed}
\else
  \set seed 0.42
\endif
\if :{?until}
\else
  \set until ''
\endif

SELECT count(*) > 0 AS not_empty FROM posts \gset
\if :not_empty
  \echo 'generate.sql: the database already has posts; it fills an empty, migrated database only.'
  \quit
\endif

\timing on
BEGIN;
-- Determinism: random() is drawn by this one backend, in plan order.
SET LOCAL max_parallel_workers_per_gather = 0;
SET LOCAL work_mem = '64MB';
SET LOCAL maintenance_work_mem = '256MB';
-- Fewer, larger flushes of the GIN pending list while 100k search vectors are inserted.
SET LOCAL gin_pending_list_limit = '64MB';
SET LOCAL synchronous_commit = off;
SET LOCAL jit = off;
SET LOCAL enable_memoize = off;
SELECT setseed(:seed);

CREATE TEMP TABLE settings ON COMMIT DROP AS
SELECT coalesce(nullif(:'until', '')::timestamptz,
                least(timestamptz '2026-11-01 00:00:00+00', date_trunc('day', now()))) AS until;

-- A UUID v7 as Guid.CreateVersion7 makes them: 48-bit Unix milliseconds, version 7, variant 10, the
-- rest from md5(seed) instead of random bytes, so that ids are the same in every run.
CREATE FUNCTION pg_temp.uuid_v7(at timestamptz, seed text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT (lpad(to_hex((extract(epoch FROM at) * 1000)::bigint), 12, '0')
          || '7' || substr(h, 1, 3)
          || substr('89ab', 1 + (get_byte(decode(substr(h, 4, 2), 'hex'), 0) % 4), 1) || substr(h, 6, 3)
          || substr(h, 9, 12))::uuid
  FROM (SELECT md5(seed) AS h) x
$$;

-- ---------------------------------------------------------------------------------------------------
-- Vocabulary. Words 1..F are function words (most are English stop words); F+1.. are content words in
-- rough frequency order. A word is drawn log-uniformly by rank (P(k) ~ 1/k), so early words are common.
-- ---------------------------------------------------------------------------------------------------
CREATE TEMP TABLE fwords ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY min(ord)))::int AS rank, w AS word
FROM unnest(string_to_array(
  'the of and to a in is that for it with as on was be by this are from at or an have not but they we '
  'which their can has will more all been its about would there were when if into so than these some '
  'other our what also only most such each how then them over through between after before', ' '))
  WITH ORDINALITY AS t(w, ord)
GROUP BY w;

CREATE TEMP TABLE cwords ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY min(ord)))::int AS rank, w AS word
FROM unnest(string_to_array(
  'people time year work data system new world team company number part use way day make good first '
  'public service state information market program policy city group problem project report support '
  'research process question development community model business result change power level school '
  'health history government country area money design language product water energy family value order price '
  'growth rate security software network economy decision experience example future president local '
  'national social plan cost free small large important different early late '
  'high low long short open clear simple better best real major common recent strong full national '
  'test build release version feature user customer client server code application platform tool '
  'library framework database query index page post article story news series issue reader writer '
  'editor author content text image video audio file document record event meeting conference '
  'office room house home street road car train plane ship bridge river lake sea mountain forest field '
  'garden park island coast valley hill town village region province border capital center north '
  'south east west morning evening night week month season summer winter spring autumn weather rain '
  'snow wind sun moon star light fire earth air stone wood metal glass paper cloth food bread coffee '
  'tea milk fruit vegetable meat fish rice sugar salt oil wine beer dinner lunch breakfast kitchen '
  'table chair bed door window wall floor roof garden machine engine computer phone screen keyboard '
  'camera battery signal message letter email call answer reason idea theory fact truth opinion view '
  'argument evidence analysis method approach strategy solution risk cost benefit impact effect cause '
  'factor condition situation position direction distance speed size shape color sound voice word '
  'name title term line point step stage phase period moment hour minute second history memory story '
  'culture art music film book game sport player match season league club coach fan crowd stadium '
  'election vote party campaign candidate minister parliament congress senate court judge law rule '
  'right freedom justice police army war peace crisis threat attack defense treaty agreement deal trade '
  'industry bank finance budget tax income salary profit loss debt investment fund stock share asset '
  'property land resource supply demand production consumer worker employee manager director leader '
  'member partner friend parent child student teacher doctor nurse patient scientist engineer '
  'developer designer artist musician actor lawyer farmer driver pilot soldier officer expert '
  'professor researcher journalist volunteer neighbor stranger visitor audience population generation '
  'society nation county district neighborhood university college hospital church library museum '
  'theater restaurant hotel shop store factory farm airport station port prison laboratory studio '
  'increase decrease improve reduce create develop provide include require allow consider expect '
  'continue remain become appear seem suggest explain describe discuss compare measure predict '
  'prevent protect produce publish deliver manage lead follow move turn start stop finish begin '
  'happen change grow fall rise drop raise cut pay buy sell spend save lose win miss meet join leave '
  'return arrive travel walk run drive fly swim climb write read speak listen watch learn teach study '
  'understand remember forget believe hope wish decide choose prefer agree argue accept refuse offer '
  'receive send share help serve plan prepare organize review check fix solve answer ask tell show '
  'open close carry hold keep store collect count sort filter search find lose hide cover reveal '
  'quickly slowly carefully easily simply nearly almost often always never sometimes usually rarely '
  'already still again together alone instead perhaps probably certainly clearly exactly finally '
  'recently currently previously eventually immediately especially particularly generally mostly '
  'fast slow quiet loud bright dark warm cold hot cool fresh old young ancient modern final initial '
  'private personal official political economic financial legal medical technical digital physical '
  'natural human global regional central federal rural urban basic complex specific general special '
  'serious significant huge tiny narrow wide deep shallow heavy empty busy rich poor safe dangerous '
  'careful honest happy sad angry calm proud afraid curious famous popular successful effective '
  'efficient reliable stable flexible available possible necessary difficult easy hard soft smooth '
  'rough sharp clean dirty healthy sick strange familiar unusual obvious hidden visible ready '
  'migration schema cache latency throughput bandwidth storage backup cluster replica transaction '
  'protocol interface module package dependency compiler runtime thread process memory disk kernel '
  'browser request response header cookie session token password encryption certificate domain '
  'deployment pipeline container monitoring alert incident outage dashboard metric benchmark profile '
  'algorithm function variable parameter object array string integer pointer exception error warning', ' '))
  WITH ORDINALITY AS t(w, ord)
GROUP BY w;

-- Less common words: one per post (in its own sentence), and in 20% of titles, drawn log-uniformly.
CREATE TEMP TABLE rwords ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY min(ord)))::int AS rank, w AS word
FROM unnest(string_to_array(
  'aardvark abacus albatross alchemy amethyst anemone antelope apothecary aqueduct archipelago '
  'armadillo astrolabe avalanche axolotl badger balalaika bamboo banjo barnacle basilisk bassoon '
  'beluga bergamot bismuth blizzard boomerang bonsai brontosaurus buccaneer butterscotch cactus '
  'calligraphy camellia canary cantaloupe capybara caramel carousel cassowary catamaran cello '
  'chameleon chandelier cheetah chinchilla chrysanthemum cinnamon clarinet cobalt cockatoo condor '
  'coral cormorant cranberry crocodile croissant cuttlefish cyclone daffodil dandelion dingo '
  'dirigible dolphin dragonfly dromedary dulcimer echidna eclipse eiderdown elderberry emerald emu '
  'falcon fennel ferret fjord flamingo flotilla fossil foxglove gazelle geyser gingerbread giraffe '
  'glacier gondola gooseberry gorilla granite grasshopper guava hammock harmonica harpsichord '
  'hedgehog heron hibiscus hippopotamus honeysuckle hummingbird hurricane hyacinth iceberg iguana '
  'indigo jackal jaguar jasmine jellyfish juniper kaleidoscope kangaroo kayak kestrel kiwi koala '
  'kumquat labyrinth lagoon lantern lavender lemur leopard lighthouse lilac llama lobster '
  'locomotive lynx macaroon magnolia mahogany mammoth mandolin mango marigold marmalade marmot '
  'marzipan meerkat meteorite mistletoe mongoose monsoon moose mosaic mulberry narwhal nebula '
  'nectarine nightingale nutmeg obsidian ocelot octopus oleander opal orchid origami ostrich otter '
  'pagoda palindrome pangolin panther papaya parakeet parsnip peacock pelican penguin peppermint '
  'periwinkle persimmon pheasant piccolo pinecone pistachio platypus plankton pomegranate porcupine '
  'pretzel puffin pumpkin quail quartz quince quokka raccoon rhubarb rhinoceros saffron salamander '
  'sapphire sardine sassafras saxophone scorpion seahorse sequoia shipwreck skylark sloth snapdragon '
  'sorbet sparrow squirrel starfish stingray sturgeon sunflower swordfish sycamore tadpole tamarind '
  'tambourine tangerine tapir tarantula telescope thistle thunderstorm toucan tornado tortoise '
  'trombone tulip tumbleweed turmeric turquoise ukulele unicorn vanilla velociraptor violet volcano '
  'vulture waffle walrus warthog waterfall weasel wildebeest wisteria wolverine wombat woodpecker '
  'xylophone yak zebra zeppelin zucchini zinnia', ' '))
  WITH ORDINALITY AS t(w, ord)
GROUP BY w;

SELECT (SELECT count(*) FROM fwords) AS nf, (SELECT count(*) FROM cwords) AS nc, (SELECT count(*) FROM rwords) AS nr \gset

-- ---------------------------------------------------------------------------------------------------
-- Authors, tags, categories.
-- ---------------------------------------------------------------------------------------------------
INSERT INTO authors (id, slug, name, bio, website, email, created_at, updated_at)
SELECT pg_temp.uuid_v7((SELECT until FROM settings) - interval '6 years' + ord * interval '1 day', 'cms-bench-author-' || ord),
       trim(both '-' from regexp_replace(lower(unaccent(f || ' ' || l)), '[^a-z0-9]+', '-', 'g')),
       f || ' ' || l,
       f || ' writes about ' || (array['software', 'cities', 'science', 'politics', 'food'])[1 + ord % 5] || '.',
       'https://example.com/' || lower(unaccent(f)),
       lower(unaccent(f)) || '.' || lower(unaccent(l)) || '@example.com',
       (SELECT until FROM settings) - interval '6 years' + ord * interval '1 day',
       (SELECT until FROM settings) - interval '6 years' + ord * interval '1 day'
FROM unnest(
  string_to_array('Alice Bruno Chen Dana Elif Farid Grace Hiro Ines José Kofi Lena Marta Nadia Oskar '
                  'Priya Quentin Rosa Sven Tara Umar Vera Wen Ximena Yusuf Zoe Amir Bea Carlos Dmitri '
                  'Emma Femi Gita Hugo Ivana Jonas Keiko Luis Maya Noah Olga Pavel Rhea Samir Tomas '
                  'Ula Viktor Wanda Yara Zeynep', ' '),
  string_to_array('Anders Becker Costa Dubois Eriksen Fischer Garcia Hansen Ito Álvarez Johansson '
                  'Kowalski Larsen Moreau Novak Okafor Petrov Quinn Rossi Schmidt Tanaka Urban Varga '
                  'Weber Xu Yilmaz Zhang Adams Brown Clark Davies Evans Foster Green Hughes Ivanova '
                  'Jensen King Lopez Martin Nielsen Owens Perez Reed Silva Turner Ueda Vasquez Walsh Young', ' '))
  WITH ORDINALITY AS t(f, l, ord);

CREATE TEMP TABLE author_ids ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY created_at)::int AS rank, id FROM authors;

-- Tags in popularity order: rank 1 is the most used.
CREATE TEMP TABLE tag_names ON COMMIT DROP AS
SELECT ord::int AS rank, n AS name
FROM unnest(string_to_array(
  'Technology,Software,Web Development,JavaScript,Python,Programming,Data,Security,Cloud,DevOps,'
  'Open Source,Career,Design,Performance,Databases,PostgreSQL,Testing,Architecture,Linux,Productivity,'
  'Machine Learning,APIs,Rust,TypeScript,Kubernetes,Docker,Go,React,Startups,Management,'
  'Leadership,Remote Work,Writing,Documentation,Accessibility,CSS,HTML,Mobile,Android,iOS,'
  'Networking,Privacy,Cryptography,Authentication,Observability,Logging,Metrics,Tracing,Caching,Search,'
  'Data Science,Statistics,Visualization,AI,Natural Language,Computer Vision,Robotics,IoT,Embedded,Hardware,'
  'Serverless,Microservices,Design Patterns,Refactoring,Code Review,Licensing,Hiring,Education,Teaching,Science,'
  'Physics,Chemistry,Biology,Astronomy,Space,Climate,Energy,Environment,Economics,Finance,'
  'Investing,Marketing,Sales,Product Management,Pricing,Ecommerce,Law,Policy,Elections,History,'
  'Philosophy,Ethics,Language,Linguistics,Mathematics,Algorithms,Compilers,Functional Programming,Concurrency,Distributed Systems,'
  'Consensus,Storage,File Systems,Backups,Migrations,Legacy Code,Monoliths,SDKs,Command Line,Editors,'
  'Vim,Emacs,VS Code,Git,GitHub,GitLab,Bash,Shell,Regular Expressions,Unicode,'
  'Time Zones,Localization,Internationalization,Markdown,Static Sites,Jamstack,CMS,WordPress,Headless,Content Strategy,'
  'Newsletters,Podcasts,Community,Events,Conferences,Meetups,Talks,Interviews,Announcements,Releases,'
  'Changelog,Roadmap,Tutorials,Case Studies,Postmortems,Incidents,On-Call,Retrospectives,Estimates,Agile,'
  'Scrum,Kanban,Games,Graphics,Audio,Video,Photography,Music,Film,Books,'
  'Travel,Food,Coffee,Cooking,Baking,Gardening,Hiking,Cycling,Running,Fitness,'
  'Health,Mental Health,Sleep,Parenting,Cities,Transport,Housing,Architecture History,Urbanism,Trains,'
  'Java,Kotlin,Swift,C Sharp,.NET,Elixir,Erlang,Haskell,OCaml,Scala,'
  'Ruby,PHP,Perl,Lua,Zig,WebAssembly,GraphQL,gRPC,WebSockets,HTTP', ','))
  WITH ORDINALITY AS t(n, ord);

INSERT INTO tags (id, slug, name, description, created_at, updated_at)
SELECT pg_temp.uuid_v7((SELECT until FROM settings) - interval '6 years' + rank * interval '1 hour', 'cms-bench-tag-' || rank),
       trim(both '-' from regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')),
       name,
       CASE WHEN rank % 3 = 0 THEN 'Posts about ' || lower(name) || '.' END,
       (SELECT until FROM settings) - interval '6 years' + rank * interval '1 hour',
       (SELECT until FROM settings) - interval '6 years' + rank * interval '1 hour'
FROM tag_names;

CREATE TEMP TABLE tag_ids ON COMMIT DROP AS
SELECT n.rank, t.id FROM tag_names n JOIN tags t ON t.name = n.name;

-- Zipf (s = 1) over the 200 tags: upper bounds of the cumulative distribution for width_bucket().
SELECT array_agg(c ORDER BY rank) AS tag_cdf FROM (
  SELECT rank, sum(1.0 / rank) OVER (ORDER BY rank) / sum(1.0 / rank) OVER () AS c FROM tag_names
) z WHERE rank < (SELECT max(rank) FROM tag_names) \gset

CREATE TEMP TABLE category_names ON COMMIT DROP AS
SELECT ord::int AS rank, n AS name,
       trim(both '-' from regexp_replace(lower(n), '[^a-z0-9]+', '-', 'g')) AS slug
FROM unnest(string_to_array('News,Tutorials,Engineering,Opinion,Product Updates,Case Studies,Research,'
                            'Culture,Events,Guides & How-Tos', ',')) WITH ORDINALITY AS t(n, ord);

-- ---------------------------------------------------------------------------------------------------
-- The paragraph pool: 7,919 (a prime) paragraphs. A post takes paragraphs a, a+b, a+2b... (mod 7919),
-- which never repeats within a post.
-- ---------------------------------------------------------------------------------------------------
CREATE TEMP TABLE para ON COMMIT DROP AS
SELECT pid,
       CASE WHEN r < 0.74 THEN 'prose' WHEN r < 0.86 THEN 'heading' WHEN r < 0.96 THEN 'list' ELSE 'code' END AS kind
FROM (SELECT pid, random() AS r FROM generate_series(1, 7919) pid) p;

CREATE TEMP TABLE sent ON COMMIT DROP AS
SELECT p.pid, s.sid,
       CASE p.kind WHEN 'prose' THEN 8 + floor(random() * 13)::int
                   WHEN 'heading' THEN 2 + floor(random() * 4)::int
                   WHEN 'list' THEN 3 + floor(random() * 7)::int
                   ELSE 3 END AS nwords
FROM para p
CROSS JOIN LATERAL generate_series(1, CASE p.kind WHEN 'prose' THEN 3 + floor(random() * 4)::int
                                                  WHEN 'list' THEN 3 + floor(random() * 4)::int
                                                  ELSE 1 END) s(sid);

-- One row per word: rank < 0 is a function word (log-uniform, P(k) ~ 1/k), > 0 a content word (half
-- log-uniform, half uniform: Zipf-like at the head without repeating "people time year" everywhere).
CREATE TEMP TABLE sent_words ON COMMIT DROP AS
SELECT s.pid, s.sid, w.wid,
       CASE WHEN p.kind IN ('prose', 'list') AND w.wid > 1 AND random() < 0.42
            THEN -least(:nf, floor(exp(random() * ln(:nf + 1)))::int)
            WHEN random() < 0.5 THEN 1 + floor(random() * :nc)::int
            ELSE least(:nc, floor(exp(random() * ln(:nc + 1)))::int) END AS rank,
       random() AS deco
FROM sent s JOIN para p USING (pid)
CROSS JOIN LATERAL generate_series(1, s.nwords) w(wid);

CREATE TEMP TABLE sentences ON COMMIT DROP AS
SELECT sw.pid, sw.sid,
       string_agg(CASE WHEN sw.rank > 0 AND sw.deco < 0.015 THEN '**' || w.word || '**'
                       WHEN sw.rank > 0 AND sw.deco < 0.020 THEN '[' || w.word || '](https://example.com/' || w.word || ')'
                       WHEN sw.rank > 0 AND sw.deco < 0.025 THEN '`' || w.word || '`'
                       ELSE w.word END, ' ' ORDER BY sw.wid) AS text
FROM sent_words sw
JOIN (SELECT -rank AS rank, word FROM fwords UNION ALL SELECT rank, word FROM cwords) w ON w.rank = sw.rank
GROUP BY sw.pid, sw.sid;

CREATE TEMP TABLE pool ON COMMIT DROP AS
SELECT p.pid - 1 AS pid,  -- 0-based, for the modular walk
       CASE p.kind
         WHEN 'prose' THEN string_agg(upper(left(s.text, 1)) || substr(s.text, 2) || '.', ' ' ORDER BY s.sid)
         WHEN 'heading' THEN '## ' || initcap(min(s.text))
         WHEN 'list' THEN string_agg('- ' || upper(left(s.text, 1)) || substr(s.text, 2), E'\n' ORDER BY s.sid)
         ELSE E'```\nconst ' || split_part(min(s.text), ' ', 1) || ' = await ' || split_part(min(s.text), ' ', 2)
              || E'(' || quote_literal(split_part(min(s.text), ' ', 3)) || E');\n```'
       END AS text
FROM para p JOIN sentences s USING (pid)
GROUP BY p.pid, p.kind;
ALTER TABLE pool ADD COLUMN words int;
UPDATE pool SET words = (SELECT count(*) FROM regexp_matches(text, '[[:alnum:]]+', 'g'));
ALTER TABLE pool ADD PRIMARY KEY (pid);
ANALYZE pool;
SELECT avg(length(text))::int AS avg_para_len FROM pool \gset

-- Prose sentences for excerpts.
CREATE TEMP TABLE excerpt_pool ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY s.pid, s.sid)::int - 1 AS eid, upper(left(s.text, 1)) || substr(s.text, 2) || '.' AS text
FROM sentences s JOIN para p USING (pid) WHERE p.kind = 'prose' AND s.text NOT LIKE '%](%';
ALTER TABLE excerpt_pool ADD PRIMARY KEY (eid);
ANALYZE excerpt_pool;
SELECT count(*) AS nexcerpts FROM excerpt_pool \gset

-- Sentences that carry a post's rare word.
CREATE TEMP TABLE rare_templates ON COMMIT DROP AS
SELECT ord::int - 1 AS tid, t AS text
FROM unnest(array[
  'Nobody expected the {rare} to matter this much.',
  'The {rare} came up again at the last meeting.',
  'We keep a small {rare} on the desk as a reminder.',
  'Think of it as a {rare} for the whole team.',
  'Even the {rare} story has a lesson in it.',
  'A reader wrote in to ask about the {rare}.',
  'It reminded everyone of the old {rare} joke.',
  'The {rare} example is still the clearest one we have.']) WITH ORDINALITY AS t(t, ord);
-- The planner needs sizes for the temporary tables (autovacuum never analyzes them).
ANALYZE fwords; ANALYZE cwords; ANALYZE rwords; ANALYZE rare_templates; ANALYZE category_names;

-- ---------------------------------------------------------------------------------------------------
-- Per-post draws, in post order.
-- ---------------------------------------------------------------------------------------------------
CREATE TEMP TABLE gen ON COMMIT DROP AS
SELECT i,
       status,
       published_at,
       created_at,
       least(until, greatest(coalesce(published_at, created_at),
             coalesce(published_at, created_at) + CASE WHEN r_upd < 0.3 THEN r_upd * interval '200 days' ELSE interval '0' END)) AS updated_at,
       target, ceil(1.6 * target / :avg_para_len)::int + 2 AS maxpar, pa, pb, rare_rank, rare_tid, title_words, title_rare, excerpt_id, ntags, cat1, cat2, nauthors
FROM (
  SELECT i, until,
         CASE WHEN r_draft < 0.10 THEN 'draft' ELSE 'published' END AS status,
         CASE WHEN r_draft < 0.10 THEN NULL ELSE t END AS published_at,
         CASE WHEN r_draft < 0.10 THEN t ELSE t - r_created * interval '7 days' END AS created_at,
         r_upd, target, pa, pb, rare_rank, rare_tid, title_words, title_rare, excerpt_id, ntags, cat1, cat2, nauthors
  FROM (
    SELECT i, s.until,
           random() AS r_draft,
           date_trunc('second', s.until - random() * interval '1826 days') AS t,
           random() AS r_created,
           random() AS r_upd,
           -- a 2–10 KB body: paragraphs are added until target is reached (the rare sentence adds ~50 bytes)
           2000 + floor(random() * 7200)::int AS target,
           floor(random() * 7919)::int AS pa,
           1 + floor(random() * 7918)::int AS pb,
           least(:nr, floor(exp(random() * ln(:nr + 1)))::int) AS rare_rank,
           floor(random() * 8)::int AS rare_tid,
           4 + floor(random() * 5)::int AS title_words,
           random() < 0.2 AS title_rare,
           floor(random() * :nexcerpts)::int AS excerpt_id,
           1 + floor(random() * 5)::int AS ntags,
           -- categories ~1/rank; 30% of posts draw a second one
           least(10, floor(exp(random() * ln(11)))::int) AS cat1,
           CASE WHEN random() < 0.3 THEN least(10, floor(exp(random() * ln(11)))::int) END AS cat2,
           CASE WHEN random() < 0.1 THEN 2 ELSE 1 END AS nauthors
    FROM generate_series(1, :posts) i, settings s
  ) a
) b;
ALTER TABLE gen ADD PRIMARY KEY (i);
ANALYZE gen;

CREATE TEMP TABLE title_picks ON COMMIT DROP AS
SELECT g.i, k, 1 + floor(random() * :nc)::int AS rank
FROM gen g CROSS JOIN LATERAL generate_series(1, g.title_words) k;

CREATE TEMP TABLE titles ON COMMIT DROP AS
SELECT t.i, initcap(string_agg(w.word, ' ' ORDER BY t.k)) || CASE WHEN g.title_rare THEN ' and the ' || initcap(r.word) ELSE '' END AS title
FROM title_picks t
JOIN cwords w ON w.rank = t.rank
JOIN gen g ON g.i = t.i
JOIN rwords r ON r.rank = g.rare_rank
GROUP BY t.i, g.title_rare, r.word;
ALTER TABLE titles ADD PRIMARY KEY (i);
ANALYZE titles;

CREATE TEMP TABLE post_ids ON COMMIT DROP AS
SELECT i, pg_temp.uuid_v7(created_at, 'cms-bench-post-' || i) AS id FROM gen;
ALTER TABLE post_ids ADD PRIMARY KEY (i);
ANALYZE post_ids;

-- ---------------------------------------------------------------------------------------------------
-- Posts.
-- ---------------------------------------------------------------------------------------------------
INSERT INTO posts (id, slug, title, excerpt, body, html, reading_time_minutes, status, published_at,
                   categories, category_slugs, metadata, created_at, updated_at, published_event_at)
SELECT pi.id,
       trim(both '-' from regexp_replace(lower(t.title), '[^a-z0-9]+', '-', 'g')) || '-' || g.i,
       t.title,
       e.text,
       b.body,
       '<p>' || replace(replace(replace(b.body, '&', '&amp;'), '<', '&lt;'), E'\n\n', E'</p>\n<p>') || '</p>',
       greatest(1, ceil(b.words / 200.0))::int,
       g.status,
       g.published_at,
       c.names,
       c.slugs,
       '{}',
       g.created_at,
       g.updated_at,
       -- already announced (as the AddWebhooks migration marks existing posts), so the webhook
       -- dispatcher does not fire post.published for 90,000 old posts
       g.published_at
FROM gen g
JOIN post_ids pi USING (i)
JOIN titles t USING (i)
JOIN excerpt_pool e ON e.eid = g.excerpt_id
CROSS JOIN LATERAL (
  SELECT string_agg(x.text, E'\n\n' ORDER BY x.ord) AS body, sum(x.words) AS words
  FROM (
    -- paragraphs a, a+b, a+2b... until the body reaches its target length
    SELECT y.ord, y.text, y.words FROM (
      SELECT s.j::numeric AS ord, p.text, p.words,
             sum(length(p.text) + 2) OVER (ORDER BY s.j) - length(p.text) - 2 AS before
      FROM generate_series(0, g.maxpar) s(j)
      JOIN pool p ON p.pid = (g.pa + s.j * g.pb) % 7919
    ) y WHERE y.before < g.target
    UNION ALL
    SELECT 0.5, replace(rt.text, '{rare}', rw.word), 9
    FROM rare_templates rt, rwords rw
    WHERE rt.tid = g.rare_tid AND rw.rank = g.rare_rank
  ) x
) b
CROSS JOIN LATERAL (
  -- 1 or 2 categories (ranks drawn in gen); a repeated draw counts once.
  SELECT array_agg(cn.name ORDER BY d.k) AS names, array_agg(cn.slug ORDER BY d.k) AS slugs
  FROM (VALUES (1, g.cat1), (2, CASE WHEN g.cat2 <> g.cat1 THEN g.cat2 END)) d(k, rank)
  JOIN category_names cn ON cn.rank = d.rank
) c
ORDER BY g.i;

-- ---------------------------------------------------------------------------------------------------
-- Tags (1–5 draws per post from the Zipf CDF, duplicates dropped) and authors.
-- ---------------------------------------------------------------------------------------------------
CREATE TEMP TABLE tag_draws ON COMMIT DROP AS
SELECT g.i, k, 1 + width_bucket(random(), :'tag_cdf'::numeric[]) AS rank
FROM gen g CROSS JOIN LATERAL generate_series(1, g.ntags) k;

INSERT INTO post_tags (post_id, tag_id, position)
SELECT pi.id, ti.id, (row_number() OVER (PARTITION BY d.i ORDER BY d.k) - 1)::int
FROM (SELECT DISTINCT ON (i, rank) i, k, rank FROM tag_draws ORDER BY i, rank, k) d
JOIN post_ids pi USING (i)
JOIN tag_ids ti ON ti.rank = d.rank;

-- Authors: half uniform, half log-uniform by rank (author 1 writes ~10% of posts, author 50 ~1.3%).
CREATE TEMP TABLE author_draws ON COMMIT DROP AS
SELECT g.i, k,
       CASE WHEN random() < 0.5 THEN 1 + floor(random() * 50)::int
            ELSE least(50, floor(exp(random() * ln(51)))::int) END AS rank
FROM gen g CROSS JOIN LATERAL generate_series(1, g.nauthors) k;

INSERT INTO post_authors (post_id, author_id, position)
SELECT pi.id, ai.id, (row_number() OVER (PARTITION BY d.i ORDER BY d.k) - 1)::int
FROM (SELECT DISTINCT ON (i, rank) i, k, rank FROM author_draws ORDER BY i, rank, k) d
JOIN post_ids pi USING (i)
JOIN author_ids ai ON ai.rank = d.rank;

COMMIT;

-- Statistics for the planner, and the visibility map that index-only scans (counts) rely on, as
-- autovacuum would leave them a few minutes later.
VACUUM (ANALYZE);
\timing off

SELECT count(*) AS posts,
       count(*) FILTER (WHERE status = 'published') AS published,
       min(length(body)) AS min_body, avg(length(body))::int AS avg_body, max(length(body)) AS max_body,
       pg_size_pretty(pg_total_relation_size('posts')) AS posts_size
FROM posts;
