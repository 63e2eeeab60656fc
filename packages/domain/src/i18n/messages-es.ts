import type { messagesEn } from './messages-en.js';

/** The English keys, plus a Spanish `_many` plural form (CLDR: exact millions) beside every `_other`. */
type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> } & {
  readonly [K in keyof T as K extends `${infer B}_other` ? `${B}_many` : never]: string;
};

/** Mensajes en español. Mismas claves que messages-en.ts (lo comprueba el tipo y una prueba). */
export const messagesEs: Shape<typeof messagesEn> = {
  error: {
    INVALID_ARGUMENT: 'Valor no válido para {{name}}: "{{value}}".',
    INVALID_TIME_ZONE:
      '"{{value}}" no es una zona horaria IANA. Use un nombre como America/Panama o America/Guatemala.',
    INVALID_LOCALE: 'Idioma no admitido "{{value}}". Use es o en.',
    INVALID_WEEK:
      '"{{value}}" no es una semana ISO. Escríbala como AAAA-Wss, p. ej. 2019-W50: una semana de W01 a W52, o W53 en los años que la tienen (p. ej. 2020, 2026). Las semanas van de lunes a domingo.',
    INVALID_DATE: '"{{value}}" no es una fecha del calendario. Escríbala como AAAA-MM-DD.',
    FILE_NOT_FOUND: 'No se encontró el archivo {{file}}. Revise la ruta.',
    FILE_UNREADABLE: 'No se puede leer {{file}}: {{detail}}',
    UNSUPPORTED_FILE_TYPE: 'No se puede importar {{file}}: use un archivo .csv, .tsv, .txt o .xlsx.',
    UNKNOWN_PROFILE: 'Perfil de importación desconocido "{{value}}". Perfiles disponibles: {{available}}.',
    MAPPING_INVALID: 'El archivo de mapeo {{file}} no es válido: {{detail}}',
    MAPPING_REQUIRED:
      'El perfil generic necesita un archivo de mapeo: agregue --mapping ARCHIVO.json (vea docs/import-mapping.md).',
    CSV_MALFORMED:
      '{{file}}, fila {{row}}: unas comillas (") abren un campo que no se cierra bien, así que las filas siguientes no se pueden leer con seguridad. No se importó nada. Corrija o quite esas comillas e importe de nuevo.',
    HEADER_DUPLICATE_COLUMN:
      'El archivo {{file}} tiene la columna "{{column}}" dos veces (columnas {{positions}}); el mapeo no puede saber cuál usar. Cambie el nombre de una.',
    HEADER_MISSING_COLUMN:
      'El archivo {{file}} no tiene la columna "{{column}}" que exige el perfil {{profile}}. Columnas encontradas: {{found}}. Elija el perfil hecho para esta exportación, o el perfil generic con un archivo de mapeo que nombre sus columnas (docs/import-mapping.md).',
    FILE_IS_CALLS:
      'El archivo {{file}} es una exportación de llamadas de servicio (CAD), no de incidentes: no tiene la columna "{{column}}" del perfil {{profile}}, pero sí todas las del perfil de llamadas {{fit}}. Impórtelo como llamadas de servicio: en el tablero elija «Llamadas de servicio» y el perfil {{fit}}; en la línea de comandos, vigia import calls ARCHIVO --profile {{fit}}.',
    FILE_IS_INCIDENTS:
      'El archivo {{file}} es una exportación de incidentes, no de llamadas de servicio (CAD): no tiene la columna "{{column}}" del perfil {{profile}}, pero sí todas las del perfil de incidentes {{fit}}. Impórtelo como incidentes: en el tablero elija «Incidentes» y el perfil {{fit}}; en la línea de comandos, vigia import incidents ARCHIVO --profile {{fit}}.',
    GEOJSON_INVALID: 'El archivo {{file}} no es una FeatureCollection GeoJSON de polígonos: {{detail}}',
    UNIT_CODE_MISSING:
      'El elemento {{feature}} de {{file}} no tiene la propiedad "{{property}}". Propiedades encontradas: {{found}}.',
    UNIT_CODE_DUPLICATE:
      'El código "{{code}}" aparece en dos elementos de {{file}} con distinto nombre o unidad superior ({{feature}}).',
    PARENT_LEVEL_UNKNOWN: 'El nivel superior "{{level}}" aún no se ha importado. Impórtelo primero.',
    PARENT_UNIT_NOT_FOUND:
      'Elemento {{feature}} de {{file}}: la unidad superior "{{code}}" no existe en el nivel "{{level}}".',
    UNIT_LEVEL_PARENT_MISMATCH:
      'El nivel "{{level}}" se importó bajo el nivel "{{expected}}", no "{{given}}". Impórtelo de nuevo con --parent-level {{expected}} y su --parent-property, para que sus unidades sigan enlazadas.',
    UNKNOWN_LEVEL: 'No existe el nivel de unidad "{{value}}". Niveles: {{available}}.',
    UNKNOWN_UNIT: 'No existe una unidad con el código "{{value}}".',
    AGENCY_EXISTS: 'La base de datos {{db}} ya tiene una institución ({{name}}).',
    NO_DATABASE:
      'No existe la base de datos {{db}}: revise la ruta. Para crear una nueva: vigia init --db {{db}} --agency-name NOMBRE --time-zone ZONA',
    NOT_INITIALIZED:
      'La base de datos {{db}} aún no tiene institución. Ejecute: vigia init --db {{db}} --agency-name NOMBRE --time-zone ZONA',
    STORE_LOCKED:
      'Otro proceso está usando el archivo de base de datos {{db}}{{holder}}. Cierre el otro proceso de Vigía (o DuckDB), o use otro archivo con --db.',
    STORE_NOT_DATABASE:
      '{{db}} no es una base de datos de Vigía (¿es una exportación? désela a "import incidents", y un archivo .duckdb a --db).',
    STORE_OPEN_FAILED: 'No se puede abrir la base de datos {{db}}: {{detail}}',
    STORE_SCHEMA_NEWER:
      'La base de datos {{db}} fue escrita por una versión más nueva de Vigía (esquema {{found}}, esta conoce {{known}}). Actualice Vigía.',
    STORE_CONFLICT:
      'Otra persona guardó este registro ({{record}}) antes (usted editó la versión {{expected}}, ahora va por la versión {{actual}}). Vuelva a cargarlo, revise su cambio y aplique el suyo de nuevo.',
    STORE_NOT_EMPTY:
      'La base de datos {{db}} ya tiene datos. Restaure en una base de datos nueva, o agregue --replace para sobrescribir todo su contenido.',
    BACKUP_EXISTS: 'El archivo {{file}} ya existe. Elija un nombre nuevo para la copia de seguridad.',
    BACKUP_INVALID: '{{file}} no se puede restaurar aquí: {{detail}}',
    CALLS_NOT_SUPPORTED:
      'La base de datos {{db}} aún no puede guardar llamadas de servicio (su adaptador de almacenamiento no las admite).',
    INTERNAL: 'Error inesperado ({{detail}}). Repórtelo junto con el comando que ejecutó.',
    ROUTE_NOT_FOUND: 'No existe la dirección {{method}} {{url}}. La API está bajo /api/v1 (vea /api/docs).',
    UPLOAD_TOO_LARGE:
      'El archivo enviado es más grande de lo que este servidor acepta ({{limit}}). Impórtelo con la línea de comandos o aumente el límite del servidor.',
    UPLOAD_INVALID:
      'El envío no se puede usar (falta o está mal formado: {{detail}}). Envíe un formulario multipart/form-data con una parte "file" (la exportación), un campo "profile", un campo "kind" ("incidents", el valor por omisión, o "calls" para llamadas de servicio) y, para el perfil generic, una parte "mapping" (el JSON de correspondencia).',
    IMPORT_JOB_NOT_FOUND:
      'No hay ninguna importación {{value}} en este servidor (se conservan hasta que el servidor se reinicia).',
    TOO_FEW_INCIDENTS:
      'Solo {{count}} incidentes con ubicación coinciden con esta selección ({{selection}}); {{analysis}} necesita al menos {{min}}. Amplíe el periodo, la unidad o la categoría.',
    UNAUTHENTICATED: 'Inicie sesión primero: esto requiere una sesión ({{what}}).',
    FORBIDDEN: 'Su rol ({{role}}) no permite esto: {{action}}. Pídalo a un administrador si lo necesita.',
    NOT_FOUND: 'No encontrado: {{what}}.',
    INVALID_CREDENTIALS: 'Usuario o contraseña incorrectos.',
    ACCOUNT_LOCKED:
      'Esta cuenta está bloqueada tras demasiados intentos fallidos. Vuelva a intentarlo en {{minutes}} minutos o pida a un administrador que la desbloquee.',
    RATE_LIMITED:
      'Demasiados intentos de inicio de sesión. Espere {{seconds}} segundos y vuelva a intentarlo.',
    CSRF_REJECTED:
      'A la solicitud le falta el encabezado X-CSRF-Token de la sesión (o es incorrecto). Recargue la página e inténtelo de nuevo.',
    WEAK_PASSWORD:
      'La contraseña es demasiado débil: use al menos {{minLength}} caracteres, que no sea el nombre de usuario, ni un solo carácter repetido, ni una contraseña común.',
    USERNAME_TAKEN:
      'Ya existe un usuario llamado "{{username}}" (los nombres de usuario no distinguen mayúsculas).',
    USER_NOT_FOUND: 'No existe el usuario "{{value}}".',
    COMMANDER_UNIT_REQUIRED:
      'Un comandante necesita una unidad: indique el código de la unidad que "{{username}}" comanda (--unit CÓDIGO).',
    LAST_ADMIN:
      'Eso dejaría sin ningún administrador activo ("{{username}}" es el último). Haga administrador a otro usuario primero.',
    PASSWORD_INPUT_REQUIRED:
      'No se indicó la contraseña: ejecute el comando en una terminal para escribirla, o envíela con --password-stdin.',
    PASSWORD_MISMATCH: 'Las dos contraseñas escritas no coinciden. No se cambió nada; inténtelo de nuevo.',
    FILE_NOT_WRITABLE:
      'No se puede escribir {{file}}: {{detail}}. Compruebe que la carpeta existe y que puede escribir en ella.',
    TOO_FEW_TIME_STEPS:
      'El periodo del {{from}} al {{to}} contiene {{count}} pasos de tiempo completos (paso: {{step}}); los puntos calientes emergentes necesitan al menos {{min}} (10 o más para una tendencia fiable). Elija un periodo más largo o un paso más corto.',
    CRS_UNKNOWN:
      'EPSG:{{value}} no es un sistema de referencia de coordenadas que Vigía conozca. Indique el código EPSG de un sistema proyectado en metros: la cuadrícula nacional o de la ciudad, o una zona UTM (326zz al norte del ecuador, 327zz al sur).',
    CRS_NOT_METRIC:
      'EPSG:{{value}} no es un sistema proyectado en metros (su unidad: {{unit}}), y todas las distancias de los análisis son en metros. Indique una cuadrícula métrica, p. ej. la zona UTM (326zz norte, 327zz sur) o la versión en metros de la cuadrícula estatal o nacional.',
  },
  api: {
    internal: 'Error inesperado del servidor. Repórtelo con este identificador de solicitud: {{requestId}}.',
  },
  quarantine: {
    MISSING_REQUIRED_FIELD: 'Falta un campo obligatorio',
    BAD_DATE: 'La fecha no tiene el formato esperado',
    IMPOSSIBLE_DATE: 'La fecha no existe en el calendario',
    BAD_TIME: 'La hora no tiene el formato esperado',
    FUTURE_DATE: 'La fecha (del hecho o de la llamada) está en el futuro',
    BAD_COORDINATES: 'Las coordenadas no se pueden leer o están fuera de rango',
    COLUMN_COUNT_MISMATCH: 'La fila tiene un número de columnas distinto al encabezado',
    BAD_STATUS: 'Estado del registro desconocido',
    ID_TOO_LONG:
      'Identificador del registro de más de 200 caracteres: no es un número de caso (revise qué columna indica el mapeo como sourceId)',
  },
  intervalFlag: {
    DISPATCHED_BEFORE_RECEIVED: 'Despachada antes de recibirse',
    EN_ROUTE_OUT_OF_ORDER: 'En camino antes del despacho (o antes de recibirse)',
    ON_SCENE_BEFORE_RECEIVED: 'En el lugar antes de recibirse',
    ON_SCENE_BEFORE_DISPATCHED: 'En el lugar antes del despacho o antes de salir en camino',
    CLEARED_OUT_OF_ORDER: 'Cerrada antes de llegar al lugar, o antes de recibirse',
  },
  category: {
    '*': 'Todas las categorías',
    homicide: 'Homicidio',
    sexual_assault: 'Violación / agresión sexual',
    robbery: 'Robo',
    aggravated_assault: 'Lesiones graves',
    burglary: 'Robo en vivienda o local',
    theft: 'Hurto',
    motor_vehicle_theft: 'Hurto de vehículo',
    extortion: 'Extorsión',
    domestic_violence: 'Violencia doméstica',
    simple_assault: 'Lesiones leves',
    weapons: 'Delitos con armas',
    drugs: 'Delitos de drogas',
    other: 'Otros delitos',
    unclassified: 'Sin clasificar',
  },
  report: {
    title: 'COMPSTAT — semana {{week}} ({{start}} a {{end}}, {{timeZone}})',
    agencyTotal: 'Total de la institución',
    unitHeading: '{{level}} {{code}} — {{name}}',
    category: 'Categoría',
    wtd: 'Semana',
    d28: '28 días',
    ytd: 'Año a la fecha',
    current: 'Actual',
    previous: 'Ant.',
    change: '% var',
    significant: '* cambio significativo (prueba exacta, p < 0,05); % n/d cuando el año anterior fue 0',
    periods:
      'Comparado con las mismas fechas un año antes: semana {{wtdPrev}}, 28 días {{d28Prev}}, año {{ytdPrev}}.',
    empty: 'Ninguna unidad corresponde a esta selección.',
    byUnit: 'Por {{level}} — todas las categorías',
    unit: 'Unidad',
    remainder:
      'En ningún {{level}} mostrado (sin ubicación, fuera del mapa, un código de unidad desconocido o contado un nivel arriba): la diferencia para que la página cuadre',
    outsideData:
      'Aviso: los datos van del {{first}} al {{last}}; las ventanas fuera de esas fechas cuentan días sin datos, así que sus cambios no son significativos.',
    partialWeek:
      'Semana parcial: los datos terminan el {{last}} y la semana el {{end}}. Ningún cambio se marca como significativo: los días aún no cargados contarían como días sin delitos.',
    weekAfterData:
      'Sin datos de esta semana: los datos terminan el {{last}}. Ningún cambio se marca como significativo.',
    enforcementTitle:
      'Arrestos — incidentes esclarecidos por arresto según la marca de la exportación de origen al extraerla (no es la tasa de esclarecimiento UCR)',
    enforcementNote:
      'Con dato: incidentes cuya fuente dice si hubo arresto; tasa = arrestos ÷ con dato (— cuando ninguno lo tiene), el año anterior entre paréntesis.',
    flagged: 'Con dato',
    arrests: 'Arrestos',
    rate: 'Tasa',
  },
  import: {
    summary:
      'Filas leídas {{read}}: {{stored}} guardadas, {{updated}} actualizadas, {{unchanged}} sin cambios, {{quarantined}} en cuarentena.',
    reasons: 'Motivos de cuarentena (filas; véalas con: vigia quarantine list --import {{importId}}):',
    flags:
      'Ubicaciones: {{noLocation}} sin ubicación, {{outside}} fuera de toda unidad, {{disagree}} donde la unidad de la fuente difiere del mapa.',
    unclassified: 'Etiquetas de delito sin clasificar ({{count}} filas): {{labels}}',
    unreadableArrest:
      'Valores de arresto que el mapeo no lista ({{count}} filas, guardadas con el arresto desconocido; agréguelos a arrest.values o arrest.falseValues): {{values}}',
    duplicates:
      'Posibles duplicados en este archivo (filas idénticas, guardadas como incidentes distintos): {{count}}',
    incidents:
      'Las filas con el mismo número de registro se unieron: {{rows}} filas forman {{incidents}} incidentes.',
    conflicts:
      'Aviso: {{count}} números de registro aparecen en varias filas con fechas o lugares distintos; cada incidente conserva los de su primera fila. Revíselos, p. ej. {{samples}}.',
    replaced:
      'Se actualizó la ubicación de {{count}} incidentes sin cambios (las unidades o las reglas de ubicación cambiaron desde entonces).',
    unknownUnits:
      'Filas que nombran un código de unidad que no está entre las unidades importadas: {{count}}.',
    noUnits:
      'Aviso: no se han importado unidades, así que los incidentes cuentan solo en el total de la institución. Importe las unidades: estos incidentes se ubicarán en ellas.',
    unitsReplaced:
      'Reubicados: {{count}} incidentes ya guardados cambiaron de unidad, de indicador de ubicación o de concordancia con la unidad de la fuente.',
    units:
      'Se importaron {{count}} unidades del nivel "{{level}}" ({{created}} nuevas, {{updated}} actualizadas).',
    progress: 'Importando',
    merging: 'Guardando en la base de datos (incidentes nuevos, nuevas versiones, sin cambios)…',
    unitSkipped:
      'Aviso: se omitió el elemento {{feature}} ({{code}}) de {{file}} (contando desde 1): su geometría es {{type}}, no un polígono (una LineString vale como contorno solo si su primer y último punto coinciden).',
  },
  calls: {
    summary:
      'Leídas {{read}} filas: {{stored}} guardadas, {{updated}} actualizadas, {{unchanged}} sin cambios, {{quarantined}} en cuarentena ({{calls}} llamadas).',
    times:
      'Tiempos de respuesta: {{officer}} llamadas por iniciativa policial y {{noOnScene}} sin hora de llegada (cuentan en el volumen, no en los tiempos de respuesta).',
    dateOnly:
      'El archivo solo trae fechas en {{count}} filas: cuentan en el volumen de llamadas y no pueden dar tiempo de respuesta.',
    flags: 'Horas fuera de orden (se conservan, fuera de los tiempos de respuesta): {{flags}}.',
    section:
      'Respuesta policial — llamadas de servicio (tiempo de respuesta = llegada − recepción, min:s; año anterior entre paréntesis)',
    sectionNote:
      'Las llamadas por iniciativa policial y las que no tienen llegada cuentan en llamadas, no en los tiempos. Informe completo: vigia report response --week SEMANA',
    noUnits:
      'No se han importado unidades: las llamadas se agrupan por el código de unidad que trae la fuente (p. ej. el sector). Para ubicarlas en el mapa, importe las unidades y luego otra vez las llamadas.',
    title: 'Respuesta policial — {{what}} ({{timeZone}})',
    week: 'semana {{week}}',
    range: '{{start}} a {{end}}',
    method:
      'Tiempo de respuesta = llegada − recepción (primera unidad). Mediana y percentil 90 en min:s (interpolación lineal, como quantile() de R y PERCENTIL.INC de Excel). Llamadas por iniciativa policial: {{oi}}.',
    oiExcluded: 'excluidas',
    oiIncluded: 'incluidas',
    window: '{{name}}: {{start}} a {{end}}, frente a {{previousStart}} a {{previousEnd}}',
    group: 'Grupo',
    calls: 'Llamadas',
    measured: 'Medidas',
    median: 'Mediana',
    p90: 'Perc. 90',
    withinTarget: 'En meta',
    cells: 'Cada celda: este año (mismas fechas del año anterior).',
    agency: 'Institución',
    priority: 'Prioridad {{key}}',
    channel: 'Vía {{key}}',
    unit: 'Unidad {{key}}',
    excluded:
      'Fuera de los tiempos de respuesta: {{officerInitiated}} por iniciativa policial, {{noOnScene}} sin hora de llegada, {{dateOnly}} solo con fechas, {{outOfOrder}} con horas fuera de orden.',
    targets: 'Metas: {{targets}}.',
    noTargets: 'Sin metas de tiempo de respuesta (use --targets 1=7,2=15).',
    workload:
      'Carga de trabajo, llamadas por turno ({{name}}): unidad, turno, llamadas, por turno, año anterior por turno',
    enforcement: 'Arrestos ({{name}}): grupo, llamadas, arrestos, tasa de arresto, año anterior',
    noCalls:
      'Esta institución no tiene llamadas de servicio en estas fechas. Impórtelas con: vigia import calls ARCHIVO --profile NOMBRE',
    noTime: '(sin hora)',
    rangeWindow: 'Fechas elegidas',
    outsideData:
      'Atención: las llamadas van del {{first}} al {{last}}. Las ventanas que salen de esas fechas ({{windows}}) cuentan días sin datos: sus comparaciones dicen poco.',
    targetNote:
      'Dentro de meta solo se da donde todas las llamadas tienen una misma prioridad (filas de prioridad, o --priority P): mezclar prioridades con metas distintas confunde.',
    selection: 'Llamadas seleccionadas: {{what}}.',
    selectionUnit: 'unidad {{unit}}',
    selectionPriority: 'prioridad {{priority}}',
  },
  quarantineList: {
    header: 'Filas en cuarentena (importación, archivo, fila, motivo, columna = valor):',
    row: 'fila',
    empty: 'No hay filas en cuarentena.',
  },
  usage: {
    unknownOption: 'Opción desconocida: {{value}}.',
    unknownCommand: 'Comando desconocido: {{value}}.',
    optionMissingArgument: 'Falta el valor de la opción {{value}}.',
    missingMandatoryOptionValue: 'Falta la opción obligatoria {{value}}.',
    missingArgument: 'Falta el argumento {{value}}.',
    excessArguments: 'Demasiados argumentos: se esperaban {{expected}} y se dieron {{got}}.',
    conflictingOption: 'Las opciones {{value}} y {{other}} no se pueden usar juntas.',
    invalidArgument: 'El valor {{other}} de la opción {{value}} no es válido.',
    didYouMean: '¿Quiso decir {{value}}?',
    help: 'Las opciones de cada comando: vigia COMANDO --help.',
  },
  init: {
    done: 'Se creó la institución "{{name}}" ({{timeZone}}) en {{db}}.',
  },
  serve: {
    listening:
      'Vigía está sirviendo {{db}} en {{url}} (tablero, y la API bajo /api/v1; documentación en /api/docs). Ctrl+C lo detiene.',
    localOnly:
      'Solo esta computadora puede abrirlo; agregue --host 0.0.0.0 para abrirlo desde una tableta en su red (los usuarios inician sesión; fuera de una red de confianza use HTTPS con un proxy inverso y VIGIA_HTTPS=1).',
    noUsers:
      'Aún no hay cuentas de usuario, así que nadie puede iniciar sesión. Cree el primer administrador con: vigia users create --db {{db}} --username admin --role admin',
    noWeb: 'El tablero no está compilado (ejecute npm run build); se sirve solo la API.',
    stopping: 'Deteniendo…',
  },
  analyze: {
    // Formas de plural (i18next `count`, categorías CLDR del español: one, many = millones exactos, other).
    noLocation_one: '1 incidente de esta selección no tiene ubicación y no entra en el análisis.',
    noLocation_many:
      '{{count}} de incidentes de esta selección no tienen ubicación y no entran en el análisis.',
    noLocation_other:
      '{{count}} incidentes de esta selección no tienen ubicación y no entran en el análisis.',
    recurringIncluded_one:
      'Atención: 1 ubicación se repite mucho más de lo que permite el azar ({{incidents}} incidentes), p. ej. {{example}}. Puede ser un geocódigo por defecto (una estación, un centroide) y aparecer como un falso punto caliente: exclúyala con --exclude-recurring.',
    recurringIncluded_many:
      'Atención: {{count}} de ubicaciones se repiten mucho más de lo que permite el azar ({{incidents}} incidentes), p. ej. {{example}}. Pueden ser geocódigos por defecto (una estación, un centroide) y aparecer como falsos puntos calientes: exclúyalas con --exclude-recurring.',
    recurringIncluded_other:
      'Atención: {{count}} ubicaciones se repiten mucho más de lo que permite el azar ({{incidents}} incidentes), p. ej. {{example}}. Pueden ser geocódigos por defecto (una estación, un centroide) y aparecer como falsos puntos calientes: exclúyalas con --exclude-recurring.',
    recurringExcluded_one:
      'Se excluyó 1 ubicación que se repite mucho más de lo que permite el azar ({{incidents}} incidentes), p. ej. {{example}}.',
    recurringExcluded_many:
      'Se excluyeron {{count}} de ubicaciones que se repiten mucho más de lo que permite el azar ({{incidents}} incidentes), p. ej. {{example}}.',
    recurringExcluded_other:
      'Se excluyeron {{count}} ubicaciones que se repiten mucho más de lo que permite el azar ({{incidents}} incidentes), p. ej. {{example}}.',
    outsideArea_one:
      '1 incidente está fuera del área de estudio (los polígonos de la unidad) y no entra en la cuadrícula.',
    outsideArea_many:
      '{{count}} de incidentes están fuera del área de estudio (los polígonos de la unidad) y no entran en la cuadrícula.',
    outsideArea_other:
      '{{count}} incidentes están fuera del área de estudio (los polígonos de la unidad) y no entran en la cuadrícula.',
    outsideSteps_one:
      '1 incidente cae en una semana o un mes incompleto en un extremo del periodo y no entra en el cubo.',
    outsideSteps_many:
      '{{count}} de incidentes caen en una semana o un mes incompleto en un extremo del periodo y no entran en el cubo.',
    outsideSteps_other:
      '{{count}} incidentes caen en una semana o un mes incompleto en un extremo del periodo y no entran en el cubo.',
    fewSteps:
      'Atención: solo {{count}} pasos de tiempo; la prueba de tendencia necesita 10 o más para ser fiable.',
    fewCells: 'Atención: solo {{count}} celdas; los valores z de Gi* no son fiables con menos de 30.',
    noVariation: 'Todas las celdas tienen el mismo conteo: no hay puntos calientes ni fríos que encontrar.',
    bandwidthBelowCell:
      'Atención: el ancho de banda ({{bandwidth}} m) es menor que la celda ({{cell}} m); la superficie pierde parte de los incidentes. Use un --bandwidth mayor o un --cell-size menor.',
    nearRepeat:
      'Durante {{days}} días después de un incidente{{category}}, el riesgo de otro {{where}} es {{ratio}} veces el normal (p = {{p}}).',
    nearRepeatLater:
      'Entre {{from}} y {{to}} días después de un incidente{{category}}, el riesgo de otro {{where}} es {{ratio}} veces el normal (p = {{p}}).',
    sameLocation: 'en el mismo lugar',
    withinBand: 'a {{from}}–{{to}} m',
    noNearRepeat:
      'No hay patrón de repetición cercana: ninguna banda de distancia y tiempo tiene significativamente más pares que el azar (p < 0,05 con {{permutations}} permutaciones).',
  },
  backup: {
    done: 'Copia de seguridad de {{db}} escrita en {{file}}: {{incidents}} versiones de incidentes, {{units}} unidades, {{imports}} importaciones.',
    restored:
      'Se restauró {{file}} en {{db}}: {{incidents}} versiones de incidentes, {{units}} unidades, {{imports}} importaciones.',
  },
  audit: {
    verified:
      'Registro de auditoría íntegro: {{rows}} filas verificadas. Cabeza: seq {{seq}}, hash {{hash}}. Anótela (o imprímala en el libro semanal) y compruébela después con: vigia audit verify --expect-head {{seq}}:{{hash}}',
    empty: 'El registro de auditoría está vacío: no hay nada que verificar.',
    broken:
      'El registro de auditoría está ROTO en la fila {{seq}}: {{reason}}. Las filas anteriores se verifican; no confíe en nada desde la fila {{seq}} y compare con una copia de seguridad.',
    reason: {
      edited: 'la fila se modificó después de escribirse (su hash ya no corresponde a su contenido)',
      missing: 'falta la fila (se borró: la secuencia la salta)',
      relinked: 'la fila no apunta a la fila anterior (se quitaron, reordenaron o reescribieron filas)',
    },
    anchor: {
      match: 'La cabeza anotada antes (seq {{seq}}) coincide.',
      mismatch:
        'La cabeza anotada antes (seq {{seq}}) NO coincide: la fila {{seq}} tiene ahora otro hash, así que el registro se reescribió hasta esa fila.',
      missing:
        'Falta la cabeza anotada antes (seq {{seq}}): el registro termina ahora en la fila {{last}}, así que se borraron filas del final.',
      replaced:
        'La cabeza anotada antes (seq {{seq}}) pertenecía a un registro que reemplazó una restauración (fila {{restoredAt}}, store.restore). Compruebe que la restauración era intencional y anote la nueva cabeza.',
    },
    listEmpty: 'Ninguna fila de auditoría coincide.',
    listHeader: 'seq  cuándo (UTC)  quién  acción  objeto  cambio',
    more: 'Hay más filas: agregue --before {{seq}}.',
  },
  meeting: {
    title:
      'Reunión COMPSTAT {{id}} — semana {{week}}: los 28 días del {{start}} al {{end}} frente a las mismas fechas del año anterior ({{timeZone}}); generada el {{today}}',
    unitHeading: '{{level}} {{code}} — {{name}}',
    nothing: 'Nada en la agenda.',
    significant_increase: 'Aumento significativo',
    volume_increase: 'Aumento con volumen',
    response_time: 'Tiempo de respuesta en deterioro',
    hot_spot: 'Punto caliente',
    action_item: 'Compromiso',
    allCategories: 'Todas las categorías',
    window: '{{window}}: {{current}} frente a {{previous}} ({{pct}} %)',
    response:
      'Percentil 90 {{current}} frente a {{previous}} ({{pct}} %), mediana {{median}}, {{measured}} llamadas medidas, 28 días',
    item: '#{{id}} {{title}} — {{status}}{{overdue}}; responsable: {{owner}}; vence: {{due}}',
    overdue: ', VENCIDO',
    defaultOwner: 'el jefe de la unidad',
    noDue: 'sin fecha',
    followUp:
      'seguimiento, {{category}}: {{before}} en los 28 días al {{beforeEnd}} → {{after}} en los 28 días al {{afterEnd}} ({{pct}} %)',
    tooEarly: '; aún es pronto para juzgar (las dos ventanas comparten {{days}} días)',
    hotSpot:
      'puntos calientes emergentes, 52 semanas al {{to}} (celdas de {{size}} m): {{new}} nuevos, {{intensifying}} en intensificación',
    hotSpotCategory: { new: 'nuevo', intensifying: 'en intensificación' },
    hotSpotPlace: '{{category}} en {{lat}}, {{lon}} ({{count}} incidentes)',
    legend:
      'Reglas: docs/meetings.md. Significativo = prueba exacta p < 0,05; aumento con volumen = 28 días ≥ 10 y sube ≥ 5 (los 3 mayores).',
    status: { open: 'abierto', in_progress: 'en curso', done: 'cumplido', dropped: 'descartado' },
  },
  demo: {
    seeding:
      'Creando la base de demostración {{db}} (datos sintéticos: una ciudad ficticia, no delitos reales)…',
    ready: 'La base de demostración {{db}} está lista.',
    reusing: 'Usando la base de demostración existente {{db}}.',
    notice: 'DATOS SINTÉTICOS DE DEMOSTRACIÓN: la ciudad, las unidades y los incidentes son inventados.',
    accounts:
      'Inicie sesión con una cuenta de demostración, contraseña "{{password}}" (solo en la base de demostración): {{accounts}}.',
  },
  users: {
    created: 'Usuario {{username}} creado ({{role}}{{unit}}).',
    passwordSet: 'Nueva contraseña para {{username}}; sus sesiones abiertas se cerraron.',
    unlocked: '{{username}} desbloqueado.',
    prompt: 'Contraseña para {{username}}: ',
    promptAgain: 'Escríbala otra vez: ',
    none: 'No hay cuentas de usuario.',
    active: 'activo',
    disabled: 'deshabilitado',
    lockedUntil: 'bloqueado hasta {{until}}',
    header: 'usuario, nombre, rol, unidad, estado',
  },
  book: {
    title: 'Libro COMPSTAT',
    week: 'Semana {{week}}',
    windows: 'Ventanas comparadas con las mismas fechas un año antes',
    window: '{{label}}: {{start}} a {{end}} (frente a {{previousStart}} a {{previousEnd}})',
    units: 'Una página por {{level}} ({{count}} unidades)',
    generatedAt: 'Generado el {{at}} ({{timeZone}})',
    anchorTitle: 'Ancla del registro de auditoría',
    anchor:
      'Última fila del registro de auditoría al generar el libro: n.º {{seq}}, escrita el {{at}} UTC. Su hash SHA-256:',
    anchorNote:
      'Cada fila del registro lleva el hash de la anterior, así que este hash fija todo el registro hasta esa fila: si se edita o borra una fila anterior, la cadena deja de llegar a él.',
    anchorEmpty: 'El registro de auditoría está vacío: no hay fila a la que anclar este libro.',
    contents: 'Contenido',
    agencySection: 'Toda la institución',
    remainderRow: 'En ningún {{level}} mostrado',
    byUnitSection: 'Resumen por {{level}}',
    diff: 'Dif.',
    mapTitle: 'Mapa: incidentes de los últimos 28 días ({{start}} a {{end}})',
    mapCaption: '{{count}} incidentes en el mapa; {{missing}} sin ubicación no se dibujan.',
    mapNoGeometry: 'Sin mapa: la unidad se importó sin polígono y ningún incidente tiene ubicación.',
    mapLegend: 'Línea gruesa: la unidad; líneas finas: {{level}}; puntos: incidentes.',
    trendTitle: 'Incidentes por semana, todas las categorías',
    trendRecent: 'Últimas 52 semanas (hasta el {{end}})',
    trendBefore: 'Las 52 semanas anteriores',
    actionItems: 'Compromisos abiertos',
    actionTitle: 'Compromiso',
    owner: 'Responsable',
    due: 'Vence',
    status: 'Estado',
    none: 'ninguno',
    overdue: 'vencido',
    statusOpen: 'abierto',
    statusInProgress: 'en curso',
    statusDone: 'cumplido',
    statusDropped: 'descartado',
    page: 'Página {{page}} de {{pages}}',
    continued: '(continuación)',
    pageColumn: 'Pág.',
    footer: '{{agency}} — COMPSTAT {{week}}',
    written: 'Libro escrito en {{file}}: {{pages}} páginas.',
  },
};
