"""Word lists of the awesome-list rules: product spellings, acronyms, English words.

``SPELLING`` maps the lowercase form of a product name as people type it to its official
spelling; spell-check (A006) reports any case-insensitive match that differs from the
official form. Entries were collected from awesome-lint's spell-check list and from the
names' own sites and README files. Names that are also common English words (rust, swift,
go, spring, express, ruby, slack, jest, parcel, rollup, ...) are deliberately left out:
without context they produce false positives. So are names whose official spelling is
all lowercase yet routinely capitalised at the start of a sentence (webpack, esbuild,
pandas, pytest) and abbreviations that are correct in their own right (Postgres, WASM,
K8s, OS X).

``ACRONYMS`` and ``ENGLISH_WORDS`` serve list-item-format (A004): a description that starts
with ``json parser`` or ``simple tool`` starts with a lowercase word that should be
capitalised, while ``libsamplerate bindings`` starts with a product's own lowercase name.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())


SPELLING: dict[str, str] = {
    # languages and runtimes
    "javascript": "JavaScript",
    "typescript": "TypeScript",
    "coffeescript": "CoffeeScript",
    "ecmascript": "ECMAScript",
    "purescript": "PureScript",
    "actionscript": "ActionScript",
    "applescript": "AppleScript",
    "livescript": "LiveScript",
    "clojurescript": "ClojureScript",
    "nodejs": "Node.js",
    "node.js": "Node.js",
    "deno": "Deno",
    "kotlin": "Kotlin",
    "scala": "Scala",
    "clojure": "Clojure",
    "haskell": "Haskell",
    "erlang": "Erlang",
    "elixir": "Elixir",
    "ocaml": "OCaml",
    "cobol": "COBOL",
    "php": "PHP",
    "perl": "Perl",
    "lua": "Lua",
    "luajit": "LuaJIT",
    "zig": "Zig",
    "objective-c": "Objective-C",
    "matlab": "MATLAB",
    "webassembly": "WebAssembly",
    "web assembly": "WebAssembly",
    "cpython": "CPython",
    "pypy": "PyPy",
    "ipython": "IPython",
    "cython": "Cython",
    "micropython": "MicroPython",
    "circuitpython": "CircuitPython",
    "graalvm": "GraalVM",
    "openjdk": "OpenJDK",
    "llvm": "LLVM",
    # web frameworks and libraries
    "jquery": "jQuery",
    "angularjs": "AngularJS",
    "vuejs": "Vue.js",
    "vue.js": "Vue.js",
    "nextjs": "Next.js",
    "next.js": "Next.js",
    "nuxtjs": "Nuxt.js",
    "nuxt.js": "Nuxt.js",
    "reactjs": "React",
    "react native": "React Native",
    "emberjs": "Ember.js",
    "ember.js": "Ember.js",
    "backbonejs": "Backbone.js",
    "backbone.js": "Backbone.js",
    "expressjs": "Express",
    "nestjs": "NestJS",
    "sveltekit": "SvelteKit",
    "threejs": "three.js",
    "socket.io": "Socket.IO",
    "rxjs": "RxJS",
    "mobx": "MobX",
    "graphql": "GraphQL",
    "websocket": "WebSocket",
    "websockets": "WebSockets",
    "webrtc": "WebRTC",
    "webgl": "WebGL",
    "webgpu": "WebGPU",
    "webkit": "WebKit",
    "webdriver": "WebDriver",
    "nativescript": "NativeScript",
    "phonegap": "PhoneGap",
    "xamarin": "Xamarin",
    "django": "Django",
    "fastapi": "FastAPI",
    "laravel": "Laravel",
    "symfony": "Symfony",
    "codeigniter": "CodeIgniter",
    "cakephp": "CakePHP",
    "asp.net": "ASP.NET",
    "vb.net": "VB.NET",
    "ado.net": "ADO.NET",
    ".net": ".NET",
    "wordpress": "WordPress",
    "woocommerce": "WooCommerce",
    "prestashop": "PrestaShop",
    "drupal": "Drupal",
    "joomla": "Joomla",
    "magento": "Magento",
    "mediawiki": "MediaWiki",
    "dokuwiki": "DokuWiki",
    "phpmyadmin": "phpMyAdmin",
    "ruby on rails": "Ruby on Rails",
    "tailwindcss": "Tailwind CSS",
    "postcss": "PostCSS",
    "eslint": "ESLint",
    "tslint": "TSLint",
    "jshint": "JSHint",
    "jslint": "JSLint",
    "typeorm": "TypeORM",
    "sqlalchemy": "SQLAlchemy",
    "swiftui": "SwiftUI",
    "uikit": "UIKit",
    "appkit": "AppKit",
    "cocoapods": "CocoaPods",
    "arkit": "ARKit",
    "spritekit": "SpriteKit",
    "scenekit": "SceneKit",
    "testflight": "TestFlight",
    "wxwidgets": "wxWidgets",
    "opengl": "OpenGL",
    "opencl": "OpenCL",
    "openmp": "OpenMP",
    "directx": "DirectX",
    "vulkan": "Vulkan",
    "cuda": "CUDA",
    # data stores
    "postgresql": "PostgreSQL",
    "mysql": "MySQL",
    "mariadb": "MariaDB",
    "mongodb": "MongoDB",
    "sqlite": "SQLite",
    "redis": "Redis",
    "elasticsearch": "Elasticsearch",
    "opensearch": "OpenSearch",
    "couchdb": "CouchDB",
    "couchbase": "Couchbase",
    "pouchdb": "PouchDB",
    "neo4j": "Neo4j",
    "influxdb": "InfluxDB",
    "dynamodb": "DynamoDB",
    "clickhouse": "ClickHouse",
    "cockroachdb": "CockroachDB",
    "rethinkdb": "RethinkDB",
    "arangodb": "ArangoDB",
    "timescaledb": "TimescaleDB",
    "leveldb": "LevelDB",
    "rocksdb": "RocksDB",
    "boltdb": "BoltDB",
    "duckdb": "DuckDB",
    "questdb": "QuestDB",
    "orientdb": "OrientDB",
    "janusgraph": "JanusGraph",
    "indexeddb": "IndexedDB",
    "hbase": "HBase",
    "bigquery": "BigQuery",
    "postgis": "PostGIS",
    "cassandra": "Cassandra",
    "zookeeper": "ZooKeeper",
    "kafka": "Kafka",
    "rabbitmq": "RabbitMQ",
    "zeromq": "ZeroMQ",
    "activemq": "ActiveMQ",
    "firestore": "Firestore",
    "firebase": "Firebase",
    "supabase": "Supabase",
    "minio": "MinIO",
    # infrastructure, cloud and services
    "kubernetes": "Kubernetes",
    "docker": "Docker",
    "podman": "Podman",
    "terraform": "Terraform",
    "ansible": "Ansible",
    "hashicorp": "HashiCorp",
    "openstack": "OpenStack",
    "openshift": "OpenShift",
    "virtualbox": "VirtualBox",
    "vmware": "VMware",
    "qemu": "QEMU",
    "proxmox": "Proxmox",
    "haproxy": "HAProxy",
    "istio": "Istio",
    "prometheus": "Prometheus",
    "grafana": "Grafana",
    "kibana": "Kibana",
    "logstash": "Logstash",
    "opentelemetry": "OpenTelemetry",
    "sonarqube": "SonarQube",
    "circleci": "CircleCI",
    "travis ci": "Travis CI",
    "travisci": "Travis CI",
    "gitlab ci": "GitLab CI",
    "github actions": "GitHub Actions",
    "appveyor": "AppVeyor",
    "jenkins": "Jenkins",
    "aws": "AWS",
    "gcp": "GCP",
    "digitalocean": "DigitalOcean",
    "heroku": "Heroku",
    "netlify": "Netlify",
    "vercel": "Vercel",
    "cloudflare": "Cloudflare",
    "openai": "OpenAI",
    "chatgpt": "ChatGPT",
    "deepmind": "DeepMind",
    "huggingface": "Hugging Face",
    "hugging face": "Hugging Face",
    "langchain": "LangChain",
    "llamaindex": "LlamaIndex",
    "openapi": "OpenAPI",
    "oauth": "OAuth",
    "openid": "OpenID",
    "openssl": "OpenSSL",
    "openssh": "OpenSSH",
    "libressl": "LibreSSL",
    "boringssl": "BoringSSL",
    "openvpn": "OpenVPN",
    "wireguard": "WireGuard",
    "gnupg": "GnuPG",
    "wireshark": "Wireshark",
    "nmap": "Nmap",
    "metasploit": "Metasploit",
    "ipfs": "IPFS",
    "bittorrent": "BitTorrent",
    "ethereum": "Ethereum",
    "metamask": "MetaMask",
    "openzeppelin": "OpenZeppelin",
    "mqtt": "MQTT",
    "bluetooth": "Bluetooth",
    "raspberry pi": "Raspberry Pi",
    "raspberrypi": "Raspberry Pi",
    "arduino": "Arduino",
    "grpc": "gRPC",
    "jwt": "JWT",
    "geojson": "GeoJSON",
    "topojson": "TopoJSON",
    "openstreetmap": "OpenStreetMap",
    "mapbox": "Mapbox",
    "openlayers": "OpenLayers",
    "qgis": "QGIS",
    # code hosting, communities and media
    "github": "GitHub",
    "gitlab": "GitLab",
    "bitbucket": "Bitbucket",
    "gitea": "Gitea",
    "sourceforge": "SourceForge",
    "gitbook": "GitBook",
    "gitkraken": "GitKraken",
    "sourcetree": "Sourcetree",
    "git": "Git",
    "svn": "SVN",
    "stackoverflow": "Stack Overflow",
    "stackexchange": "Stack Exchange",
    "hackernews": "Hacker News",
    "youtube": "YouTube",
    "linkedin": "LinkedIn",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "whatsapp": "WhatsApp",
    "wikipedia": "Wikipedia",
    "reddit": "Reddit",
    "twitch": "Twitch",
    "spotify": "Spotify",
    "netflix": "Netflix",
    "paypal": "PayPal",
    "dropbox": "Dropbox",
    "icloud": "iCloud",
    "onedrive": "OneDrive",
    "sharepoint": "SharePoint",
    "onenote": "OneNote",
    "powerpoint": "PowerPoint",
    "evernote": "Evernote",
    "trello": "Trello",
    "jira": "Jira",
    "gmail": "Gmail",
    "hubspot": "HubSpot",
    "mailchimp": "Mailchimp",
    "sendgrid": "SendGrid",
    "pagerduty": "PagerDuty",
    "datadog": "Datadog",
    "newrelic": "New Relic",
    "zapier": "Zapier",
    "ifttt": "IFTTT",
    "pypi": "PyPI",
    "npm": "npm",
    "jupyter": "Jupyter",
    "jupyterlab": "JupyterLab",
    "jupyterhub": "JupyterHub",
    # operating systems and platforms
    "macos": "macOS",
    "osx": "macOS",
    "ios": "iOS",
    "ipados": "iPadOS",
    "watchos": "watchOS",
    "tvos": "tvOS",
    "visionos": "visionOS",
    "iphone": "iPhone",
    "ipad": "iPad",
    "itunes": "iTunes",
    "imessage": "iMessage",
    "linux": "Linux",
    "ubuntu": "Ubuntu",
    "debian": "Debian",
    "centos": "CentOS",
    "fedora": "Fedora",
    "archlinux": "Arch Linux",
    "opensuse": "openSUSE",
    "freebsd": "FreeBSD",
    "openbsd": "OpenBSD",
    "netbsd": "NetBSD",
    "nixos": "NixOS",
    "openwrt": "OpenWrt",
    "android": "Android",
    "powershell": "PowerShell",
    "flatpak": "Flatpak",
    "appimage": "AppImage",
    # editors and tools
    "visual studio code": "Visual Studio Code",
    "intellij": "IntelliJ",
    "pycharm": "PyCharm",
    "webstorm": "WebStorm",
    "phpstorm": "PhpStorm",
    "goland": "GoLand",
    "rubymine": "RubyMine",
    "clion": "CLion",
    "datagrip": "DataGrip",
    "jetbrains": "JetBrains",
    "xcode": "Xcode",
    "netbeans": "NetBeans",
    "android studio": "Android Studio",
    "sublimetext": "Sublime Text",
    "sublime text": "Sublime Text",
    "neovim": "Neovim",
    "emacs": "Emacs",
    "textmate": "TextMate",
    "notepad++": "Notepad++",
    "libreoffice": "LibreOffice",
    "openoffice": "OpenOffice",
    "latex": "LaTeX",
    "bibtex": "BibTeX",
    "asciidoc": "AsciiDoc",
    "restructuredtext": "reStructuredText",
    "graphviz": "Graphviz",
    "plantuml": "PlantUML",
    "imagemagick": "ImageMagick",
    "graphicsmagick": "GraphicsMagick",
    "ffmpeg": "FFmpeg",
    "gimp": "GIMP",
    "inkscape": "Inkscape",
    "photoshop": "Photoshop",
    "figma": "Figma",
    "invision": "InVision",
    "dribbble": "Dribbble",
    "unreal engine": "Unreal Engine",
    "godot": "Godot",
    "putty": "PuTTY",
    "winscp": "WinSCP",
    "filezilla": "FileZilla",
    "junit": "JUnit",
    "testng": "TestNG",
    "phpunit": "PHPUnit",
    "rspec": "RSpec",
    "mockito": "Mockito",
    "httpie": "HTTPie",
    # data science and machine learning
    "tensorflow": "TensorFlow",
    "tensorboard": "TensorBoard",
    "tensorrt": "TensorRT",
    "pytorch": "PyTorch",
    "keras": "Keras",
    "numpy": "NumPy",
    "scipy": "SciPy",
    "sympy": "SymPy",
    "opencv": "OpenCV",
    "spacy": "spaCy",
    "nltk": "NLTK",
    "fasttext": "fastText",
    "xgboost": "XGBoost",
    "lightgbm": "LightGBM",
    "catboost": "CatBoost",
    "mxnet": "MXNet",
    "paddlepaddle": "PaddlePaddle",
    "onnx": "ONNX",
    "mlflow": "MLflow",
    "kubeflow": "Kubeflow",
    "pyspark": "PySpark",
    "hadoop": "Hadoop",
    "databricks": "Databricks",
    "rstudio": "RStudio",
    "mathematica": "Mathematica",
    "spss": "SPSS",
}

# words that follow "git", "go" or "docker" when they name the command, not the product
COMMAND_WORDS: dict[str, frozenset[str]] = {
    "git": words(
        "add am bisect blame branch checkout cherry-pick clone commit config diff fetch "
        "grep hooks init lfs log merge mv pull push rebase reflog remote reset restore "
        "revert rm show stash status submodule switch tag worktree"
    ),
    "go": words("build doc fmt generate get install mod run test tool vet work"),
    "docker": words("build compose exec inspect logs ps pull push rm rmi run start stop"),
}

# lowercase acronyms a description may start with: "json parser" -> "JSON parser"
ACRONYMS: frozenset[str] = words(
    "ai api apis ascii cli cpu css csv dns ftp gpu gui html http https id ide imap "
    "ip json jvm llm llms ml nlp orm pdf rpc sdk smtp sql ssh ssl svg tcp tls tui ui "
    "udp uri url urls ux vm vpn xml yaml toml"
)

# names whose official spelling is lowercase: a description may start with them
LOWERCASE_NAMES: frozenset[str] = words(
    "npm pnpm esbuild webpack etcd systemd containerd curl wget jq pytest pip pipx "
    "conda uv gulp grunt bower yarn nginx gcc clang zsh fish htmx axios lodash nodemon "
    "pm2 ngrok iptables nftables rsync tmux vim"
)

# common English words that open descriptions: when a description starts with one of
# them in lowercase, capitalising its first letter is the whole correction
ENGLISH_WORDS: frozenset[str] = words(
    """
    a about above abstract access accessible accurate actively adaptive add adds advanced
    after agent agents alerting algorithm algorithms all allows alpha alternative always
    amazing an analyse analysis analyze analyzer and annotated another any app
    application applications apply approach arbitrary are article articles as asynchronous
    async at audio authentication auto automate automated automatic automatically
    awesome backend background basic batteries be beautiful beginner being benchmark
    benchmarks best better between bidirectional binary bind binding bindings blazing
    blazingly blog book books bootstrap bot box browser browse build builder building
    builds built bundle but by cache caching calculate call can canvas capture check
    checker checks chat clean client clients cloud code collection collects color
    colored colorful command commands common community compact compare compile compiler
    complete component components composable comprehensive compute computer concise
    concurrent config configurable configuration configure connect console container
    containers content control convenient conversion convert converts cool core course
    create creates creating cross curated custom customizable dashboard data database
    databases dead debug debugger declarative decode deep define demo dependency deploy
    deployment describe design desktop detect developer development diagram different
    digital discover display distributed do document documentation does drop dynamic
    each easily easy editor efficient elegant embeddable embedded enable enables encode
    encoding end engine enhanced enterprise event events every everything example
    examples execute experimental explore export expressive extensible extension
    extensions extract extremely fake fast faster fastest feature featured file files
    filter find first fix flexible fluent for fork format formatter framework free
    friendly from full fully functional fuzzy game games general generate generates
    generator generic get gives go golang good graph graphical guide guides handle
    handles handy hash helper helpers helps high highly home hosted how idiomatic
    image images immutable implement implementation implements import in incremental
    infrastructure inline insanely inspired instant integrate integration interactive
    interface into introduction is it its just keep key kit language
    large last learn learning length less let lets library libraries light lightweight
    like line lint linter list lists little live load local log logger logging low
    machine made make makes manage management manager manages manipulate many map
    markdown mathematical mature minimal minimalist minimalistic mobile mock mocking
    model modern modular module monitor monitoring more most multi multiple music my
    native natural neural new next no node non object official offline on one online
    only open operating opinionated optimized or other our parse parser parses parsing
    pattern perform performance performant persistent personal platform plugin plugins
    port portable powerful practical pre pretty private process processing production
    program programming project projects protocol provide provides providing proxy
    pure query quick quickly random rapid react read reader reading real realtime
    record reference reliable remote render rendering replacement report
    repository request resource resources responsive rest retry reusable rich robust
    router routing run runner running runs runtime rust safe sample scalable scan
    schema scientific script scripts search secure security self send serialization
    serializer server serverless service services set share shell simple simplified
    single slim small smart social software solution source spec specification speed
    standalone standard state static statistical statistics store stream streaming
    strict string strongly structured style styled super support supports sync
    syntax system table task template templates terminal test testing text that the
    themes this thin through time tiny to toolkit tool tools track transform
    translate tree tutorial tutorials type typed ultimate ultra unified universal
    unofficial up use used useful user uses using utilities utility validate
    validation validator value various vector very video view virtual visual
    visualization visualize wait web when which with without work working wrapper
    wrappers wrap wraps write writing yet your zero brings encrypt decrypt flow money root
    face higher lower topic topics word words speech voice sparse dense linear quantum matrix
    tensor network networks reinforcement supervised unsupervised feature features memory
    disk unit lock queue job jobs worker workers thread threads pool message messages email
    mail site page pages news physics math mathematics geometry colour font icon icons emoji
    window plain raw bridge layer adapter driver drivers gateway middleware toolbox suite
    bunch index catalog directory registry repo mirror clone copy rewrite utils package
    packages crate crates gem apps system systems frameworks interpreter lexer tokenizer
    tracker viewer player recorder writer scheduler launcher installer downloader uploader
    converter translator emulator simulator profiler successor big huge long short old
    great nice neat public cheap slow hard complex extended extra several some few both
    either these those there here what why where who you we they their his her while if
    unless because since so not never also even still again almost already well now then
    today mostly partially simply take give look see show watch listen play stop start
    restart close save fetch download upload receive post publish host serve ship install
    update upgrade migrate move rename remove delete clear reset replace merge split join
    combine mix match diff sort group count measure verify trace profile optimize improve
    scale extend customize declare explain teach study practice train invoke draw paint
    print compress decompress sign recognize classify predict plot chart schedule
    orchestrate simulate emulate stub inject embed scrape crawl collect gather aggregate
    memoize limit throttle notify alert allow help improves turns offers exposes contains
    includes creates converts displays shows finds detects tracks renders reads writes
    sends stores loads watches monitors automates simplifies extends translates transforms
    validates formats lints tests compiles executes schedules deploys serves hosts exports
    imports
    """
)

# English-looking endings of longer words ("chainable", "distilled", "hexagonal")
ENGLISH_SUFFIXES: tuple[str, ...] = (
    "able", "ible", "ally", "ful", "less", "ness", "ment", "ments", "tion", "tions",
    "sion", "ious", "ous", "ive", "ity", "ized", "ised", "izes", "ing", "ed", "al",
    "ic", "ics", "ance", "ence", "ly",
)  # fmt: skip
