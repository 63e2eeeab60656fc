/** English messages. Keys mirror messages-es.ts; a test checks both have the same keys. */
export const messagesEn = {
  error: {
    INVALID_ARGUMENT: 'Invalid value for {{name}}: "{{value}}".',
    INVALID_TIME_ZONE:
      '"{{value}}" is not an IANA time zone. Use a name such as America/Panama or America/Chicago.',
    INVALID_LOCALE: 'Unsupported language "{{value}}". Use es or en.',
    INVALID_WEEK:
      '"{{value}}" is not an ISO week. Write it as YYYY-Www, e.g. 2019-W50: a week from W01 to W52, or W53 in the years that have one (e.g. 2020, 2026). Weeks run Monday to Sunday.',
    INVALID_DATE: '"{{value}}" is not a calendar date. Write it as YYYY-MM-DD.',
    FILE_NOT_FOUND: 'File not found: {{file}}. Check the path.',
    FILE_UNREADABLE: 'Cannot read {{file}}: {{detail}}',
    UNSUPPORTED_FILE_TYPE: 'Cannot import {{file}}: use a .csv, .tsv, .txt or .xlsx file.',
    UNKNOWN_PROFILE: 'Unknown import profile "{{value}}". Available profiles: {{available}}.',
    MAPPING_INVALID: 'The mapping file {{file}} is not valid: {{detail}}',
    MAPPING_REQUIRED:
      'The generic profile needs a mapping file: add --mapping FILE.json (see docs/import-mapping.md).',
    CSV_MALFORMED:
      '{{file}}, row {{row}}: a quote (") opens a field that is not closed properly, so the rows after it cannot be read reliably. Nothing was imported. Fix or remove that quote and import again.',
    HEADER_DUPLICATE_COLUMN:
      'The file {{file}} has the column "{{column}}" twice (columns {{positions}}); the mapping cannot tell which one to use. Rename one of them.',
    HEADER_MISSING_COLUMN:
      'The file {{file}} has no column "{{column}}" required by the profile {{profile}}. Columns found: {{found}}. Choose the profile made for this export, or the generic profile with a mapping file that names its columns (docs/import-mapping.md).',
    FILE_IS_CALLS:
      'The file {{file}} is a calls-for-service (CAD) export, not an incident export: it has no column "{{column}}" of the profile {{profile}}, but every column of the calls profile {{fit}}. Import it as calls for service: in the dashboard choose "Calls for service" and the profile {{fit}}; on the command line, vigia import calls FILE --profile {{fit}}.',
    FILE_IS_INCIDENTS:
      'The file {{file}} is an incident export, not a calls-for-service (CAD) export: it has no column "{{column}}" of the profile {{profile}}, but every column of the incident profile {{fit}}. Import it as incidents: in the dashboard choose "Incidents" and the profile {{fit}}; on the command line, vigia import incidents FILE --profile {{fit}}.',
    GEOJSON_INVALID: 'The file {{file}} is not a GeoJSON FeatureCollection of polygons: {{detail}}',
    UNIT_CODE_MISSING:
      'Feature {{feature}} of {{file}} has no property "{{property}}". Properties found: {{found}}.',
    UNIT_CODE_DUPLICATE:
      'Code "{{code}}" appears in two features of {{file}} with different names or parents ({{feature}}).',
    PARENT_LEVEL_UNKNOWN: 'The parent level "{{level}}" has not been imported yet. Import it first.',
    PARENT_UNIT_NOT_FOUND:
      'Feature {{feature}} of {{file}}: parent unit "{{code}}" does not exist at level "{{level}}".',
    UNIT_LEVEL_PARENT_MISMATCH:
      'Level "{{level}}" was imported under level "{{expected}}", not "{{given}}". Import it again with --parent-level {{expected}} and its --parent-property, so its units stay attached.',
    UNKNOWN_LEVEL: 'There is no unit level "{{value}}". Levels: {{available}}.',
    UNKNOWN_UNIT: 'There is no unit with code "{{value}}".',
    AGENCY_EXISTS: 'The database {{db}} already has an agency ({{name}}).',
    NO_DATABASE:
      'There is no database {{db}}: check the path. To create a new one: vigia init --db {{db}} --agency-name NAME --time-zone ZONE',
    NOT_INITIALIZED:
      'The database {{db}} has no agency yet. Run: vigia init --db {{db}} --agency-name NAME --time-zone ZONE',
    STORE_LOCKED:
      'The database file {{db}} is in use by another process{{holder}}. Close the other Vigía (or DuckDB) process, or use another file with --db.',
    STORE_NOT_DATABASE:
      '{{db}} is not a Vigía database (is it an export? give it to "import incidents", and a .duckdb file to --db).',
    STORE_OPEN_FAILED: 'Cannot open the database {{db}}: {{detail}}',
    STORE_SCHEMA_NEWER:
      'The database {{db}} was written by a newer Vigía (schema {{found}}, this one knows {{known}}). Upgrade Vigía.',
    STORE_CONFLICT:
      'Someone else saved this record ({{record}}) first (you edited version {{expected}}, it is now at version {{actual}}). Reload it, check their change, and apply yours again.',
    STORE_NOT_EMPTY:
      'The database {{db}} already holds data. Restore into a new database, or add --replace to overwrite everything in it.',
    BACKUP_EXISTS: 'The file {{file}} already exists. Choose a new file name for the backup.',
    BACKUP_INVALID: '{{file}} cannot be restored here: {{detail}}',
    CALLS_NOT_SUPPORTED:
      'The database {{db}} cannot keep calls for service yet (its store adapter does not support them).',
    INTERNAL: 'Unexpected error ({{detail}}). Please report it with the command you ran.',
    ROUTE_NOT_FOUND: 'No such address: {{method}} {{url}}. The API lives under /api/v1 (see /api/docs).',
    UPLOAD_TOO_LARGE:
      "The uploaded file is larger than this server accepts ({{limit}}). Import it with the command line, or raise the server's upload limit.",
    UPLOAD_INVALID:
      'The upload cannot be used (missing or malformed: {{detail}}). Send a multipart/form-data form with a "file" part (the export), a "profile" field, a "kind" field ("incidents", the default, or "calls" for calls for service), and for the generic profile a "mapping" part (the mapping JSON).',
    IMPORT_JOB_NOT_FOUND: 'No import job {{value}} on this server (jobs are kept until the server restarts).',
    TOO_FEW_INCIDENTS:
      'Only {{count}} incidents with a location match this selection ({{selection}}); {{analysis}} needs at least {{min}}. Widen the period, the unit or the category.',
    UNAUTHENTICATED: 'Sign in first: this needs a session ({{what}}).',
    FORBIDDEN: 'Your role ({{role}}) may not do this: {{action}}. Ask an administrator if you need it.',
    NOT_FOUND: 'Not found: {{what}}.',
    INVALID_CREDENTIALS: 'Wrong user name or password.',
    ACCOUNT_LOCKED:
      'This account is locked after too many failed sign-ins. Try again in {{minutes}} minutes, or ask an administrator to unlock it.',
    RATE_LIMITED: 'Too many sign-in attempts. Wait {{seconds}} seconds and try again.',
    CSRF_REJECTED:
      "The request lacks the session's X-CSRF-Token header (or it is wrong). Reload the page and try again.",
    WEAK_PASSWORD:
      'That password is too weak: use at least {{minLength}} characters, not the user name, not one repeated character and not a common password.',
    USERNAME_TAKEN: 'There is already a user named "{{username}}" (user names ignore case).',
    USER_NOT_FOUND: 'There is no user "{{value}}".',
    COMMANDER_UNIT_REQUIRED:
      'A commander needs a unit: give the code of the unit "{{username}}" commands (--unit CODE).',
    LAST_ADMIN:
      'That would leave no active administrator ("{{username}}" is the last one). Make another user admin first.',
    PASSWORD_INPUT_REQUIRED:
      'No password given: run the command in a terminal to type it, or pipe it in with --password-stdin.',
    PASSWORD_MISMATCH: 'The two passwords typed differ. Nothing was changed; try again.',
    FILE_NOT_WRITABLE:
      'Cannot write {{file}}: {{detail}}. Check that the folder exists and that you may write there.',
    TOO_FEW_TIME_STEPS:
      'The period {{from}} to {{to}} holds {{count}} whole time steps (step: {{step}}); emerging hot spots need at least {{min}} (10 or more for a reliable trend). Choose a longer period or a shorter step.',
    CRS_UNKNOWN:
      'EPSG:{{value}} is not a coordinate reference system Vigía knows. Give the EPSG code of a projected system in metres: your national or city grid, or a UTM zone (326zz north of the equator, 327zz south).',
    CRS_NOT_METRIC:
      'EPSG:{{value}} is not a projected system in metres (its unit: {{unit}}), and every distance in the analyses is in metres. Give a metric grid instead, e.g. the UTM zone (326zz north, 327zz south) or the metre version of your state or national grid.',
  },
  api: {
    internal: 'Unexpected server error. Please report it with this request id: {{requestId}}.',
  },
  quarantine: {
    MISSING_REQUIRED_FIELD: 'Required field is empty',
    BAD_DATE: 'Date does not match the expected format',
    IMPOSSIBLE_DATE: 'Date does not exist in the calendar',
    BAD_TIME: 'Time does not match the expected format',
    FUTURE_DATE: 'Date (of the occurrence or the call) is in the future',
    BAD_COORDINATES: 'Coordinates cannot be read or are out of range',
    COLUMN_COUNT_MISMATCH: 'Row has a different number of columns than the header',
    BAD_STATUS: 'Unknown record status',
    ID_TOO_LONG:
      'Record id longer than 200 characters: not a case number (check which column the mapping names as sourceId)',
  },
  /** Call interval flags (domain CALL_INTERVAL_FLAGS): the call is kept, left out of response times. */
  intervalFlag: {
    DISPATCHED_BEFORE_RECEIVED: 'Dispatched before it was received',
    EN_ROUTE_OUT_OF_ORDER: 'En route before dispatch (or before receipt)',
    ON_SCENE_BEFORE_RECEIVED: 'On scene before it was received',
    ON_SCENE_BEFORE_DISPATCHED: 'On scene before dispatch or before en route',
    CLEARED_OUT_OF_ORDER: 'Cleared before on scene, or before receipt',
  },
  category: {
    '*': 'All categories',
    homicide: 'Homicide',
    sexual_assault: 'Sexual assault / rape',
    robbery: 'Robbery',
    aggravated_assault: 'Aggravated assault',
    burglary: 'Burglary',
    theft: 'Theft',
    motor_vehicle_theft: 'Motor vehicle theft',
    extortion: 'Extortion',
    domestic_violence: 'Domestic violence',
    simple_assault: 'Simple assault',
    weapons: 'Weapons offenses',
    drugs: 'Drug offenses',
    other: 'Other offenses',
    unclassified: 'Unclassified',
  },
  report: {
    title: 'COMPSTAT — week {{week}} ({{start}} to {{end}}, {{timeZone}})',
    agencyTotal: 'Agency total',
    unitHeading: '{{level}} {{code}} — {{name}}',
    category: 'Category',
    wtd: 'Week to date',
    d28: '28 days',
    ytd: 'Year to date',
    current: 'Current',
    previous: 'Prev.',
    change: '% chg',
    significant: '* significant change (exact test, p < 0.05); % n/a when last year was 0',
    periods:
      'Compared with the same dates one year earlier: WTD {{wtdPrev}}, 28-day {{d28Prev}}, YTD {{ytdPrev}}.',
    empty: 'No units match this selection.',
    byUnit: 'By {{level}} — all categories',
    unit: 'Unit',
    remainder:
      'Not in any {{level}} shown (no location, outside the map, an unknown unit code, or counted one level up): the difference that makes the page add up',
    outsideData:
      'Warning: the data run from {{first}} to {{last}}; windows outside those dates count days with no data, so their changes are not meaningful.',
    partialWeek:
      'Partial week: the data end on {{last}}, the week on {{end}}. No change is marked significant: days not loaded yet would count as days without crime.',
    weekAfterData: 'No data for this week: the data end on {{last}}. No change is marked significant.',
    enforcementTitle:
      'Enforcement — incidents cleared by arrest as flagged in the source export when it was extracted (not the UCR clearance rate)',
    enforcementNote:
      'Flagged: incidents whose source says whether there was an arrest; rate = arrests ÷ flagged (— when none is flagged), last year in parentheses.',
    flagged: 'Flagged',
    arrests: 'Arrests',
    rate: 'Rate',
  },
  import: {
    summary:
      'Read {{read}} rows: {{stored}} stored, {{updated}} updated, {{unchanged}} unchanged, {{quarantined}} quarantined.',
    reasons: 'Quarantine reasons (rows; list them with: vigia quarantine list --import {{importId}}):',
    flags:
      'Locations: {{noLocation}} without location, {{outside}} outside every unit, {{disagree}} where the source unit differs from the map.',
    unclassified: 'Unclassified offense labels ({{count}} rows): {{labels}}',
    unreadableArrest:
      'Arrest values the mapping does not list ({{count}} rows, stored with the arrest unknown; add them to arrest.values or arrest.falseValues): {{values}}',
    duplicates: 'Possible duplicates in this file (identical rows, kept as separate incidents): {{count}}',
    incidents: 'Rows sharing a record id were merged: {{rows}} rows make {{incidents}} incidents.',
    conflicts:
      "Warning: {{count}} record ids appear in several rows with different dates or places; each incident keeps its first row's. Check them, e.g. {{samples}}.",
    replaced: 'Placement updated for {{count}} unchanged incidents (units or placement rules changed since).',
    unknownUnits: 'Rows naming a unit code that is not among the imported units: {{count}}.',
    noUnits:
      'Warning: no units have been imported, so incidents count only in the agency total. Import the units: these incidents will then be placed in them.',
    unitsReplaced:
      'Placed again: {{count}} incidents already stored changed unit, location flag or source-unit agreement.',
    units: 'Imported {{count}} units at level "{{level}}" ({{created}} new, {{updated}} updated).',
    progress: 'Importing',
    merging: 'Saving to the database (new incidents, new versions, unchanged)…',
    unitSkipped:
      'Warning: feature {{feature}} ({{code}}) of {{file}} (counting from 1) was skipped: its geometry is {{type}}, not a polygon (a LineString counts as an outline only when its first and last points are the same).',
  },
  calls: {
    summary:
      'Read {{read}} rows: {{stored}} stored, {{updated}} updated, {{unchanged}} unchanged, {{quarantined}} quarantined ({{calls}} calls).',
    times:
      'Response times: {{officer}} officer-initiated and {{noOnScene}} without an on-scene time (counted in volume, not in response times).',
    dateOnly:
      'The file has dates only for {{count}} rows: they count in call volume and can give no response time.',
    flags: 'Timestamps out of order (kept, left out of response times): {{flags}}.',
    section:
      'Police response — calls for service (response time = on scene − received, min:s; last year in brackets)',
    sectionNote:
      'Officer-initiated calls and calls without an arrival are counted in calls, not in times. Full report: vigia report response --week WEEK',
    noUnits:
      'No units have been imported: calls are grouped by the unit code the source writes (e.g. beat). To place them on the map, import the units, then the calls again.',
    title: 'Police response — {{what}} ({{timeZone}})',
    week: 'week {{week}}',
    range: '{{start}} to {{end}}',
    method:
      'Response time = on scene − received (first unit). Median and 90th percentile in min:s (linear interpolation, as R quantile() and Excel PERCENTILE.INC). Officer-initiated calls {{oi}}.',
    oiExcluded: 'excluded',
    oiIncluded: 'included',
    window: '{{name}}: {{start}} to {{end}}, against {{previousStart}} to {{previousEnd}}',
    group: 'Group',
    calls: 'Calls',
    measured: 'Measured',
    median: 'Median',
    p90: '90th pct.',
    withinTarget: 'Within target',
    cells: 'Each cell: this year (same dates last year).',
    agency: 'Agency',
    priority: 'Priority {{key}}',
    channel: 'Channel {{key}}',
    unit: 'Unit {{key}}',
    excluded:
      'Left out of response times: {{officerInitiated}} officer-initiated, {{noOnScene}} without on-scene time, {{dateOnly}} with dates only, {{outOfOrder}} with timestamps out of order.',
    targets: 'Targets: {{targets}}.',
    noTargets: 'No response-time targets set (use --targets 1=7,2=15).',
    workload: 'Workload, calls per shift ({{name}}): unit, shift, calls, per shift, last year per shift',
    enforcement: 'Arrests ({{name}}): group, calls, arrests, arrest rate, last year',
    noCalls:
      'This agency has no calls for service in these dates. Import them with: vigia import calls FILE --profile NAME',
    noTime: '(no time)',
    rangeWindow: 'Selected dates',
    outsideData:
      'Warning: the calls run from {{first}} to {{last}}. Windows reaching outside those dates ({{windows}}) count days with no data: their comparisons mean little.',
    targetNote:
      'Within target is given only where all calls share one priority (priority rows, or --priority P): mixing priorities with different targets misleads.',
    selection: 'Calls selected: {{what}}.',
    selectionUnit: 'unit {{unit}}',
    selectionPriority: 'priority {{priority}}',
  },
  quarantineList: {
    header: 'Quarantined rows (import, file, row, reason, column = value):',
    row: 'row',
    empty: 'No quarantined rows.',
  },
  usage: {
    unknownOption: 'Unknown option {{value}}.',
    unknownCommand: 'Unknown command {{value}}.',
    optionMissingArgument: 'The option {{value}} needs a value.',
    missingMandatoryOptionValue: 'The option {{value}} is required.',
    missingArgument: 'The argument {{value}} is missing.',
    excessArguments: 'Too many arguments: {{expected}} expected, {{got}} given.',
    conflictingOption: 'The options {{value}} and {{other}} cannot be used together.',
    invalidArgument: 'The value {{other}} of the option {{value}} is not valid.',
    didYouMean: 'Did you mean {{value}}?',
    help: 'The options of each command: vigia COMMAND --help.',
  },
  init: {
    done: 'Created agency "{{name}}" ({{timeZone}}) in {{db}}.',
  },
  serve: {
    listening:
      'Vigía is serving {{db}} at {{url}} (dashboard, and the API under /api/v1; docs at /api/docs). Ctrl+C stops it.',
    localOnly:
      'Only this computer can open it; add --host 0.0.0.0 to reach it from a tablet on your network (users sign in; use HTTPS through a reverse proxy and VIGIA_HTTPS=1 beyond a trusted network).',
    noUsers:
      'There are no user accounts yet, so nobody can sign in. Create the first administrator with: vigia users create --db {{db}} --username admin --role admin',
    noWeb: 'The dashboard is not built (run npm run build); serving the API only.',
    stopping: 'Stopping…',
  },
  analyze: {
    // Plural forms (i18next `count`, CLDR categories: English one/other).
    noLocation_one: '1 incident of this selection has no location and is not in the analysis.',
    noLocation_other: '{{count}} incidents of this selection have no location and are not in the analysis.',
    recurringIncluded_one:
      'Warning: 1 location recurs far more often than chance allows ({{incidents}} incidents), e.g. {{example}}. It may be a fallback geocode (a station, a centroid) and can show up as a false hot spot: leave it out with --exclude-recurring.',
    recurringIncluded_other:
      'Warning: {{count}} locations recur far more often than chance allows ({{incidents}} incidents), e.g. {{example}}. They may be fallback geocodes (a station, a centroid) and can show up as false hot spots: leave them out with --exclude-recurring.',
    recurringExcluded_one:
      '1 location that recurs far more often than chance allows was left out ({{incidents}} incidents), e.g. {{example}}.',
    recurringExcluded_other:
      '{{count}} locations that recur far more often than chance allows were left out ({{incidents}} incidents), e.g. {{example}}.',
    outsideArea_one: '1 incident lies outside the study area (the unit polygons) and is not in the grid.',
    outsideArea_other:
      '{{count}} incidents lie outside the study area (the unit polygons) and are not in the grid.',
    outsideSteps_one:
      '1 incident falls in a partial week or month at an end of the period and is not in the cube.',
    outsideSteps_other:
      '{{count}} incidents fall in a partial week or month at an end of the period and are not in the cube.',
    fewSteps: 'Warning: only {{count}} time steps; the trend test needs 10 or more to be reliable.',
    fewCells: 'Warning: only {{count}} cells; Gi* z-scores are unreliable with fewer than 30.',
    noVariation: 'Every cell has the same count: there are no hot or cold spots to find.',
    bandwidthBelowCell:
      'Warning: the bandwidth ({{bandwidth}} m) is smaller than the cell ({{cell}} m); the surface misses part of the incidents. Use a larger --bandwidth or a smaller --cell-size.',
    nearRepeat:
      'For {{days}} days after an incident{{category}}, the risk of another {{where}} is {{ratio}} times normal (p = {{p}}).',
    nearRepeatLater:
      '{{from}} to {{to}} days after an incident{{category}}, the risk of another {{where}} is {{ratio}} times normal (p = {{p}}).',
    sameLocation: 'at the same location',
    withinBand: '{{from}}–{{to}} m away',
    noNearRepeat:
      'No near-repeat pattern: no distance and time band has significantly more pairs than chance (p < 0.05 with {{permutations}} permutations).',
  },
  backup: {
    done: 'Backup of {{db}} written to {{file}}: {{incidents}} incident versions, {{units}} units, {{imports}} imports.',
    restored:
      'Restored {{file}} into {{db}}: {{incidents}} incident versions, {{units}} units, {{imports}} imports.',
  },
  audit: {
    verified:
      'Audit log intact: {{rows}} rows checked. Head: seq {{seq}}, hash {{hash}}. Write it down (or print it in the weekly book) and check it later with: vigia audit verify --expect-head {{seq}}:{{hash}}',
    empty: 'The audit log is empty: nothing to verify.',
    broken:
      'The audit log is BROKEN at row {{seq}}: {{reason}}. Rows before it verify; treat everything from row {{seq}} on as untrustworthy and compare with a backup.',
    reason: {
      edited: 'the row was changed after it was written (its hash no longer matches its content)',
      missing: 'the row is missing (deleted: the sequence jumps over it)',
      relinked: 'the row does not point at the row before it (rows were removed, reordered or rewritten)',
    },
    anchor: {
      match: 'The head written down earlier (seq {{seq}}) matches.',
      mismatch:
        'The head written down earlier (seq {{seq}}) does NOT match: row {{seq}} now has another hash, so the log was rewritten up to that row.',
      missing:
        'The head written down earlier (seq {{seq}}) is missing: the log now ends at row {{last}}, so rows at its end were deleted.',
      replaced:
        'The head written down earlier (seq {{seq}}) belonged to a log that a restore replaced (row {{restoredAt}}, store.restore). Check that the restore was intended, then write down the new head.',
    },
    listEmpty: 'No audit rows match.',
    listHeader: 'seq  when (UTC)  who  action  target  change',
    more: 'More rows: add --before {{seq}}.',
  },
  meeting: {
    title:
      'COMPSTAT meeting {{id}} — week {{week}}: the 28 days {{start}} to {{end}} against the same dates last year ({{timeZone}}); generated on {{today}}',
    unitHeading: '{{level}} {{code}} — {{name}}',
    nothing: 'Nothing on the agenda.',
    significant_increase: 'Significant increase',
    volume_increase: 'Rise with volume',
    response_time: 'Response time slipping',
    hot_spot: 'Hot spot',
    action_item: 'Action item',
    allCategories: 'All categories',
    window: '{{window}}: {{current}} vs {{previous}} ({{pct}} %)',
    response:
      '90th percentile {{current}} vs {{previous}} ({{pct}} %), median {{median}}, {{measured}} calls measured, 28 days',
    item: '#{{id}} {{title}} — {{status}}{{overdue}}; owner: {{owner}}; due: {{due}}',
    overdue: ', OVERDUE',
    defaultOwner: 'the unit commander',
    noDue: 'no date',
    followUp:
      'follow-up, {{category}}: {{before}} in the 28 days to {{beforeEnd}} → {{after}} in the 28 days to {{afterEnd}} ({{pct}} %)',
    tooEarly: '; too early to judge (the two windows share {{days}} days)',
    hotSpot:
      'emerging hot spots, 52 weeks to {{to}} ({{size}} m cells): {{new}} new, {{intensifying}} intensifying',
    hotSpotCategory: { new: 'new', intensifying: 'intensifying' },
    hotSpotPlace: '{{category}} at {{lat}}, {{lon}} ({{count}} incidents)',
    legend:
      'Rules: docs/meetings.md. Significant = exact test p < 0.05; rise with volume = 28-day count ≥ 10 and up by ≥ 5 (3 biggest).',
    status: { open: 'open', in_progress: 'in progress', done: 'done', dropped: 'dropped' },
  },
  demo: {
    seeding: 'Creating the demo database {{db}} (synthetic data: a fictional city, not real crime)…',
    ready: 'Demo database {{db}} is ready.',
    reusing: 'Using the existing demo database {{db}}.',
    notice: 'SYNTHETIC DEMO DATA — the city, units and incidents are invented.',
    accounts: 'Sign in with a demo account, password "{{password}}" (demo database only): {{accounts}}.',
  },
  users: {
    created: 'Created user {{username}} ({{role}}{{unit}}).',
    passwordSet: 'New password set for {{username}}; their open sessions were ended.',
    unlocked: 'Unlocked {{username}}.',
    prompt: 'Password for {{username}}: ',
    promptAgain: 'Type it again: ',
    none: 'No user accounts.',
    active: 'active',
    disabled: 'disabled',
    lockedUntil: 'locked until {{until}}',
    header: 'user name, name, role, unit, status',
  },
  book: {
    title: 'COMPSTAT book',
    week: 'Week {{week}}',
    windows: 'Windows compared with the same dates one year earlier',
    window: '{{label}}: {{start}} to {{end}} (against {{previousStart}} to {{previousEnd}})',
    units: 'One page per {{level}} ({{count}} units)',
    generatedAt: 'Generated {{at}} ({{timeZone}})',
    anchorTitle: 'Audit log anchor',
    anchor: 'Newest audit log row when the book was made: no. {{seq}}, written {{at}} UTC. Its SHA-256 hash:',
    anchorNote:
      'Each audit row carries the hash of the one before it, so this hash pins the whole log up to that row: if any earlier row is edited or deleted, the chain no longer leads to it.',
    anchorEmpty: 'The audit log is empty: there is no row to anchor this book to.',
    contents: 'Contents',
    agencySection: 'Agency-wide',
    remainderRow: 'In no {{level}} shown',
    byUnitSection: 'Summary by {{level}}',
    diff: 'Chg.',
    mapTitle: 'Map: incidents of the last 28 days ({{start}} to {{end}})',
    mapCaption: '{{count}} incidents on the map; {{missing}} without a location are not drawn.',
    mapNoGeometry: 'No map: the unit was imported without a polygon and no incident has a location.',
    mapLegend: 'Thick line: the unit; thin lines: {{level}}; dots: incidents.',
    trendTitle: 'Incidents per week, all categories',
    trendRecent: 'Last 52 weeks (to {{end}})',
    trendBefore: 'The 52 weeks before',
    actionItems: 'Open action items',
    actionTitle: 'Action item',
    owner: 'Owner',
    due: 'Due',
    status: 'Status',
    none: 'none',
    overdue: 'overdue',
    statusOpen: 'open',
    statusInProgress: 'in progress',
    statusDone: 'done',
    statusDropped: 'dropped',
    page: 'Page {{page}} of {{pages}}',
    continued: '(continued)',
    pageColumn: 'Page',
    footer: '{{agency}} — COMPSTAT {{week}}',
    written: 'Book written to {{file}}: {{pages}} pages.',
  },
} as const;
