#!/usr/bin/env bash
# Installs claude-rasp as a systemd service on Raspberry Pi OS (64-bit) or Debian. Run as root from
# a checkout of the repository; running it again is safe (it only does what is missing).
#
#   sudo ops/install.sh                                  # http://<pi>:3000
#   sudo ops/install.sh --with-nginx chat.example.org [--email you@example.org]
#                                                        # https://chat.example.org via nginx
#
# It checks Node.js (>= 20.19 at /usr/bin/node, installed by you), installs the build tools with
# apt, creates the user claude-rasp, copies this checkout to /opt/claude-rasp and builds it there
# (once: later updates go through ops/deploy.sh), writes /etc/claude-rasp.env from .env.example
# (once), installs and starts claude-rasp.service, the daily backup timer and the logrotate rule,
# and waits for /healthz. Data lives in /var/lib/claude-rasp/storage.
#
# --with-nginx DOMAIN  also installs nginx and certbot, gets a Let's Encrypt certificate for DOMAIN
#                      (its port 80 must be reachable from the internet) and serves the app there;
#                      the app then listens on 127.0.0.1 only.
# --email EMAIL        Let's Encrypt account email (without it, certbot asks).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

domain=''
email=''
while (($# > 0)); do
  case $1 in
    -h | --help)
      print_usage "$0"
      exit 0
      ;;
    --with-nginx)
      domain=${2:-}
      [[ $domain =~ ^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$ ]] ||
        die "--with-nginx needs a domain name such as chat.example.org"
      shift
      ;;
    --email)
      email=${2:-}
      [[ $email == ?*@?* ]] || die "--email needs an email address"
      shift
      ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done

require_root "$@"
source_dir=$APP_ROOT
command -v apt-get >/dev/null || die "this installer needs apt-get (Raspberry Pi OS or Debian)"
if ! command -v systemctl >/dev/null || [[ ! -d /run/systemd/system ]]; then
  die "this installer needs systemd"
fi

# --- Node.js ---------------------------------------------------------------------------------
node_help() {
  cat >&2 <<'EOF'

claude-rasp needs Node.js 20.19 or newer at /usr/bin/node, with npm. Install it, then run this
script again. Either:

  * NodeSource (Raspberry Pi OS / Debian 12 "bookworm", whose own nodejs is 18):
      curl -fsSL https://deb.nodesource.com/setup_22.x -o nodesource_setup.sh
      less nodesource_setup.sh          # read what it does
      sudo bash nodesource_setup.sh && sudo apt-get install -y nodejs

  * Debian 13 "trixie" and newer ship a recent enough Node.js:
      sudo apt-get install -y nodejs npm

(A Node.js from nvm or a tarball in your home folder will not do: the service runs /usr/bin/node.)
EOF
}
if [[ ! -x /usr/bin/node ]]; then
  node_help
  die "no /usr/bin/node"
fi
node_version_ok /usr/bin/node || {
  node_help
  die "/usr/bin/node is $(/usr/bin/node --version 2>/dev/null || echo 'unusable'); 20.19 or newer is needed"
}
command -v npm >/dev/null || {
  node_help
  die "npm is missing (Debian: sudo apt-get install -y npm)"
}
log "Node.js $(/usr/bin/node --version), npm $(npm --version)"

# --- packages --------------------------------------------------------------------------------
packages=(python3 make g++ sqlite3 rsync git ca-certificates curl logrotate)
[[ -z $domain ]] || packages+=(nginx certbot)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
    missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  log "installing ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# --- user and data folder --------------------------------------------------------------------
if ! id -u "$APP_USER" >/dev/null 2>&1; then
  log "creating the system user $APP_USER"
  useradd --system --user-group --home-dir "$STATE_DIR" --no-create-home \
    --shell /usr/sbin/nologin --comment 'claude-rasp service' "$APP_USER"
fi
install -d -o "$APP_USER" -g "$(id -gn "$APP_USER")" -m 0700 "$STATE_DIR" "$STATE_DIR/storage"

# --- configuration ---------------------------------------------------------------------------
listen_host=0.0.0.0
[[ -z $domain ]] || listen_host=127.0.0.1
if [[ ! -e $ENV_FILE ]]; then
  log "writing $ENV_FILE (HOST=$listen_host, STORAGE_DIR=$STATE_DIR/storage); edit it for your API key"
  # .env.example, with every setting but HOST and STORAGE_DIR commented out: the app's own defaults
  # apply until you uncomment a line, so they never go stale here.
  {
    printf '# Read by claude-rasp.service (EnvironmentFile). After a change: sudo systemctl restart claude-rasp\n'
    printf '# Written by ops/install.sh from .env.example on %s.\n\n' "$(date -u +%Y-%m-%d)"
    sed -E -e "s|^HOST=.*|HOST=$listen_host|" -e "s|^STORAGE_DIR=.*|STORAGE_DIR=$STATE_DIR/storage|" \
      -e '/^(HOST|STORAGE_DIR)=/!s/^([A-Z][A-Z0-9_]*=)/# \1/' "$source_dir/.env.example"
  } >"$ENV_FILE.tmp"
  chmod 600 "$ENV_FILE.tmp"
  mv "$ENV_FILE.tmp" "$ENV_FILE"
elif [[ -n $domain ]]; then
  # Behind nginx the app must not be reachable directly (an unset HOST means 0.0.0.0).
  case $(dotenv_value "$ENV_FILE" HOST || true) in
    '' | 0.0.0.0 | ::)
      log "nginx sits in front: setting HOST=127.0.0.1 in $ENV_FILE"
      if grep -Eq '^[[:space:]]*HOST[[:space:]]*=' "$ENV_FILE"; then
        sed -i -E 's/^[[:space:]]*HOST[[:space:]]*=.*/HOST=127.0.0.1/' "$ENV_FILE"
      else
        printf '\nHOST=127.0.0.1\n' >>"$ENV_FILE"
      fi
      ;;
  esac
fi

# --- the app ---------------------------------------------------------------------------------
if [[ -f $APP_DIR/server/dist/server/src/main.js ]]; then
  log "$APP_DIR already holds a build: leaving the code as it is (update it with ops/deploy.sh)"
else
  [[ $source_dir != "$APP_DIR" ]] ||
    die "clone the repository somewhere else (e.g. your home folder) and run ops/install.sh from there"
  [[ ! -e $APP_DIR ]] ||
    die "$APP_DIR exists but holds no build of claude-rasp; move it away and run this again"
  log "copying $source_dir to $APP_DIR"
  stage_release "$source_dir" "$APP_DIR.new"
  build_release "$APP_DIR.new" || die "the build failed (the tree is in $APP_DIR.new); fix it and run this again"
  mv -- "$APP_DIR.new" "$APP_DIR"
fi

# --- systemd, logrotate ----------------------------------------------------------------------
for unit in claude-rasp.service claude-rasp-backup.service claude-rasp-backup.timer; do
  install -m 0644 "$APP_DIR/ops/$unit" "/etc/systemd/system/$unit"
done
install -m 0644 "$APP_DIR/ops/logrotate/claude-rasp" /etc/logrotate.d/claude-rasp
systemctl daemon-reload
systemctl enable --quiet claude-rasp.service claude-rasp-backup.timer
systemctl start claude-rasp-backup.timer
log "(re)starting claude-rasp"
systemctl restart claude-rasp.service
APP_ROOT=$APP_DIR # the installed app's settings, for the health URL
load_config
if ! wait_healthy 90; then
  show_service_log
  die "claude-rasp does not answer on $(health_url); see journalctl -u claude-rasp"
fi

# --- nginx and Let's Encrypt -----------------------------------------------------------------
if [[ -n $domain ]]; then
  site=/etc/nginx/sites-available/claude-rasp
  webroot=/var/www/letsencrypt
  install -d -m 0755 "$webroot"
  systemctl enable --quiet --now nginx
  if [[ ! -f /etc/letsencrypt/live/$domain/fullchain.pem ]]; then
    log "asking Let's Encrypt for a certificate for $domain (port 80 must be reachable)"
    # Port 80 only, until the certificate exists: the full site refers to it.
    cat >"$site" <<EOF
server {
    listen 80;
    listen [::]:80;
    server_name $domain;
    location /.well-known/acme-challenge/ { root $webroot; }
    location / { return 503; }
}
EOF
    ln -sf "$site" /etc/nginx/sites-enabled/claude-rasp
    nginx -t || die "nginx refuses its configuration (see above)"
    systemctl reload nginx
    certbot_args=(certonly --webroot -w "$webroot" -d "$domain" --deploy-hook 'systemctl reload nginx')
    if [[ -n $email ]]; then
      certbot_args+=(--non-interactive --agree-tos --email "$email")
    fi
    certbot "${certbot_args[@]}" || die "certbot failed: is $domain's port 80 forwarded to this machine?"
  fi
  sed "s/claude-rasp\.example\.com/$domain/g" "$APP_DIR/ops/nginx/claude-rasp.conf" >"$site"
  ln -sf "$site" /etc/nginx/sites-enabled/claude-rasp
  nginx -t || die "nginx refuses the site $site"
  systemctl reload nginx
  url="https://$domain/"
else
  address=$(hostname -I 2>/dev/null | awk '{ print $1 }')
  url="http://${address:-$(hostname)}:$HTTP_PORT/"
fi

cat >&2 <<EOF

${_bold}claude-rasp is running:${_reset} $url
  If nobody has signed up yet, the first visitor becomes the administrator: open it now.
  Configuration: $ENV_FILE (API key: ANTHROPIC_API_KEY), then sudo systemctl restart claude-rasp
  Data:          $STATE_DIR/storage (daily backups in backups/, 7 days kept)
  Logs:          journalctl -u claude-rasp -f
  Update:        git pull && sudo ops/deploy.sh
EOF
