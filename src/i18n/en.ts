// The English catalogue: every user-visible string of the UI, the map and the scale labels,
// in ICU MessageFormat (src/i18n/message-args.ts says which arguments take what). Keys are
// stable ids, `group.name`; the key type and each message's arguments derive from this
// object, so other languages (a sibling file typed `Catalogue`) must have exactly these keys.
// Numbers reach messages already formatted (src/i18n/format.ts), except plural counts,
// which `#` formats in the active locale. The wording is the app's: tests find elements by it.
export const en = {
  // The app shell
  'app.title': 'CityLens',
  'app.panel': 'Data and layers',
  'app.openFile': 'Open data file',
  'app.dropHere': 'Drop files to load them',

  // Words used by several panels
  'common.cancel': 'Cancel',
  'common.load': 'Load',
  'common.save': 'Save',
  'common.rows': '{n, plural, one {# row} other {# rows}}',
  'common.httpError': '{file}: HTTP {status}',

  // The status line
  'status.starting': 'Starting the data engine…',
  'status.engineReady': 'Data engine ready in {seconds} s',
  'status.noCatalog': 'No sample data here. Open a Parquet, CSV, GeoJSON, TopoJSON or Arrow file with “Open data file”, or drop one on the map.',

  // Loading: progress, outcome, Load from URL
  'load.loading': 'Loading {name}…',
  'load.loaded': 'Loaded {name}: {rows, plural, one {# row} other {# rows}}',
  'load.cancelled': 'Cancelled loading {name}',
  'load.cancelLoading': 'Cancel loading {name}',
  'load.preparing': 'preparing…',
  'load.progress': '{name}: {progress}',
  'load.bytesOf': '{loaded} of {total}',
  'load.rowsOf': '{rows} of {total, plural, one {# row} other {# rows}}',
  'load.failed': 'Could not load: {message}',
  'load.corsFailed': 'Could not load {url}: the server at {host} did not allow this page to read the file (CORS), or could not be reached. Ask its publisher to allow cross-origin reads (Access-Control-Allow-Origin), or download the file and open it with “Open data file”.',
  'load.unreachable': 'Could not load {url}: the server could not be reached.',
  'load.httpNotFound': 'Could not load {url}: the server answered HTTP {status}, so there is no file at that address.',
  'load.httpFailed': 'Could not load {url}: the server answered HTTP {status}.',
  'load.fromUrl': 'Load from URL',
  'load.dataUrl': 'Data URL',
  'load.urlPlaceholder': 'https://example.org/data.parquet',
  'load.urlHelp': 'A Parquet, CSV, GeoJSON, TopoJSON or Arrow file. Its server must allow other sites to read it (CORS); relative URLs are read from this site.',
  'load.badUrl': '“{url}” is not a valid URL',

  // The dashboard config and catalog files
  'config.invalidJson': '{file} is not valid JSON',

  // The catalog of datasets not loaded yet
  'catalog.summary': 'Catalog: {n, plural, one {# more dataset} other {# more datasets}}',
  'catalog.loadEntry': 'Load {title}',

  // The dataset panel
  'datasets.heading': 'Datasets',
  'datasets.meta': '{rows, plural, one {# row} other {# rows}} · {kind} · {size}',
  'datasets.rename': 'Rename',
  'datasets.renameLabel': 'Rename {name}',
  'datasets.renameTo': 'New name for {name}',
  'datasets.zoomTo': 'Zoom to extent',
  'datasets.zoomToLabel': 'Zoom to extent of {name}',
  'datasets.remove': 'Remove',
  'datasets.removeLabel': 'Remove {name}',
  'datasets.details': 'Details',
  'datasets.columns': 'Columns ({n})',
  'datasets.fileFacts': '{file} ({format}, {size})',
  'datasets.field.source': 'Source',
  'datasets.field.licence': 'Licence',
  'datasets.field.file': 'File',
  'datasets.field.geometry': 'Geometry',
  'datasets.field.crs': 'CRS',
  'datasets.field.extent': 'Extent',
  'datasets.field.time': 'Time',
  'datasets.field.memory': 'Memory',

  // Geometry kinds as the dataset list names them (GeometryKind)
  'geometry.point': 'point',
  'geometry.line': 'line',
  'geometry.polygon': 'polygon',
  'geometry.mixed': 'mixed',
  'geometry.none': 'none',

  // What the engine found out about a dataset, in plain words (src/ui/dataset-text.ts)
  'metadata.noGeometry': 'no geometry',
  'metadata.fromColumns': '{kind}, from columns “{x}”/“{y}”',
  'metadata.fromSomeColumns': '{kind}, from columns',
  'metadata.fromWkb': '{kind}, from the WKB column “{column}” (GeoParquet)',
  'metadata.fromWkt': '{kind}, from the WKT column “{column}”',
  'metadata.fromGeojson': '{kind}, from GeoJSON geometries',
  'metadata.fromTopojson': '{kind}, from TopoJSON arcs',
  'metadata.crs': '{crs}{source, select, file { (declared in the file)} options { (set when loading)} default { (assumed: the file does not say)} other {}}{reprojected, select, yes {, reprojected to WGS84 longitude/latitude} other {}}',
  'metadata.extent': '{west}, {south} to {east}, {north} (lon, lat)',
  'metadata.utc': 'UTC',
  'metadata.utcFromOffsets': 'UTC (converted from the offsets in the file)',
  'metadata.localTime': 'local time ({zone})',
  'metadata.localTimeUnknown': 'local time (zone not known)',
  'metadata.timeRange': '{column}: {from} to {to}',
  'metadata.timeRangeZone': '{column}: {from} to {to}, {zone}',
  'metadata.memory': '{total} (table {table}, shapes {shapes})',
  'metadata.category': 'category',
  'metadata.categoryValues': 'category, {n, plural, one {# value} other {# values}}',
  'metadata.json': 'JSON text',

  // The layer panel
  'layers.heading': 'Layers',
  'layers.opacity': 'Opacity',
  'layers.moveUp': 'Move {title} up',
  'layers.moveDown': 'Move {title} down',
  'layers.remove': 'Remove layer {title}',
  'layers.computing': 'Computing…',
  'layers.settings': 'Settings',
  'layers.query': 'Query',
  'layers.marksComment': '-- {rows, plural, one {# row} other {# rows}} drawn as {marks, plural, one {# mark} other {# marks}}: identical rows are one mark, drawn with the opacity of all its copies',
  'layers.data': 'Data',
  'layers.as': 'As',
  'layers.add': 'Add layer',
  'layers.noLines': '{title}: the dataset has no lines',
  'layers.chooseColumn': '{title}: choose a column to colour by',
  // Layer kinds (LayerKind), and a new layer's title: the kind in lower case where English wants it
  'layers.kind.points': 'Points',
  'layers.kind.hexagon': 'Hexagons',
  'layers.kind.grid': 'Square grid',
  'layers.kind.h3': 'H3 cells',
  'layers.kind.districts': 'Choropleth',
  'layers.kind.choropleth': 'Choropleth',
  'layers.kind.outlines': 'Outlines',
  'layers.kind.lines': 'Lines',
  'layers.kind.heatmap': 'Heatmap',
  'layers.newTitle': '{dataset}: {kind, select, points {points} hexagon {hexagons} grid {square grid} h3 {h3 cells} districts {choropleth} choropleth {choropleth} outlines {outlines} lines {lines} heatmap {heatmap} other {{kind}}}',
  // The first look at a dataset that just loaded (src/map/suggest.ts)
  'layers.suggest.density': '{dataset}: rows per {size} m hexagon',
  'layers.suggest.column': '{dataset}: {column}',

  // One layer's settings
  'settings.colourBy': 'Colour by',
  'settings.oneColour': 'One colour',
  'settings.sizeBy': 'Size by',
  'settings.oneSize': 'One size',
  'settings.cellSize': 'Cell size (m)',
  'settings.h3Resolution': 'H3 resolution',
  'settings.districts': 'Districts',
  'settings.choosePolygons': 'Choose polygons…',
  'settings.column': 'Column',
  'settings.statistic': 'Statistic',
  'settings.ofColumn': 'Of column',
  'settings.show': 'Show',
  'settings.measure.value': 'The statistic',
  'settings.measure.perKm2': 'Per km²',
  'settings.measure.per1000': 'Per 1,000 residents',
  'settings.classes': 'Classes',
  'settings.classCount': 'Number of classes',
  'settings.colours': 'Colours',
  'settings.fixedRange': 'Fixed colour range',
  'settings.fix': 'Fix',
  'settings.from': 'From',
  'settings.to': 'to',
  'settings.extruded': '3D columns',

  // Statistics (AggregateStat)
  'stats.count': 'Count',
  'stats.sum': 'Sum',
  'stats.mean': 'Mean',
  'stats.median': 'Median',
  'stats.min': 'Minimum',
  'stats.max': 'Maximum',
  'stats.p90': '90th percentile',
  'stats.distinct': 'Distinct count',

  // What a layer colours by, for legends and tooltips (measureLabel)
  'measure.rows': 'Rows',
  'measure.rowsPerKm2': 'Rows per km²',
  'measure.rowsPer1000': 'Rows per 1,000 residents',
  'measure.stat': '{stat} of {column}',
  'measure.statPerKm2': '{stat} of {column} per km²',
  'measure.statPer1000': '{stat} of {column} per 1,000 residents',

  // The legend
  'legend.label': 'Legend: {title}',
  'legend.below': '< {value}',
  'legend.atLeast': '≥ {value}',
  'legend.between': '{from} – < {to}',
  'legend.span': '{from} – {to}',
  'legend.other': 'Other',
  'legend.noData': 'No data: {n}',
  'legend.suppressed': 'Suppressed (fewer than {minCount, plural, one {# row} other {# rows}}): {n}',

  // A hovered or selected cell or district (tooltip and detail panel)
  'pick.feature': 'Feature {n}',
  'pick.h3Cell': 'H3 cell {id}',
  'pick.cellAt': 'Cell at {lat}, {lon}',
  'pick.suppressed': 'Suppressed',
  'pick.fewerThan': 'fewer than {n, plural, one {# row} other {# rows}}',
  'pick.statPerKm2': '{stat} per km²',
  'pick.per1000': 'Per 1,000 residents',
  'pick.area': 'Area',
  'pick.areaValue': '{area} km²',
  'pick.noValue': '—',
  'pick.line': '{label}: {value}',
  'detail.label': 'Selection',
  'detail.close': 'Close selection',

  // The map and its controls (MapLibre's own labels, given to it as its locale)
  'map.label': 'Map',
  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',
  'map.resetBearing': 'Drag to rotate map, click to reset north',
  'map.toggleAttribution': 'Toggle attribution',
  'map.feedback': 'Map feedback',
  'map.metres': 'm',
  'map.kilometres': 'km',

  // Basemaps
  'basemap.label': 'Basemap',
  'basemap.toggle': 'Basemap: {title}',
  'basemap.none': 'Natural Earth outline only',
  'basemap.online': 'online',
  'basemap.loading': 'Loading basemap {title}…',
  'basemap.failed': 'Basemap unavailable ({message}); showing the Natural Earth outline.',
  'basemap.styleHttp': '{title}: could not load its style (HTTP {status})',
  'basemap.styleOffline': '{title}: could not load its style (offline or blocked)',
  'basemap.naturalEarth': 'Made with Natural Earth',

  // Scale labels (src/scales: Classification, SchemeName)
  'scales.classification.quantile': 'Quantile',
  'scales.classification.jenks': 'Natural breaks',
  'scales.classification.equal': 'Equal interval',
  'scales.classification.linear': 'Linear (continuous)',
  'scales.scheme.viridis': 'Viridis',
  'scales.scheme.cividis': 'Cividis',
  'scales.scheme.magma': 'Magma',
  'scales.scheme.ylorrd': 'Yellow–red',
  'scales.scheme.blues': 'Blues',
  'scales.scheme.rdbu': 'Red–blue (diverging)',
  'scales.scheme.puor': 'Purple–orange (diverging)',

  // Units (src/i18n/format.ts)
  'units.bytes': '{n} B',
  'units.kib': '{n} KiB',
  'units.mib': '{n} MiB',
  'units.gib': '{n} GiB',

  // engine.<code>: the wording of each EngineMessage code (src/engine/messages.ts), with its
  // params as arguments, e.g. 'engine.rows-without-coordinates': '{n, plural, …}'.
  // engineText() words a code from here and falls back to the code itself.
} as const;
