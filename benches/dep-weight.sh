#!/usr/bin/env bash
# What depending on `attio` costs a user's build, against the crates it stands on.
#
# Generates two throwaway binaries (under $CARGO_TARGET_DIR, or target/, never committed):
# `with-attio`, which depends on `attio` with its default features and builds a client, and
# `bare`, which depends only on what such a program would use without the SDK: reqwest with the
# same features and TLS (rustls, ring), tokio, serde and serde_json. Both use the workspace's
# Cargo.lock, so the shared crates have the same versions. Each is built from cold (its own
# empty target directory) RUNS times, alternating, and the script prints the median times, their
# ratio, and how many crates each build compiles. Target: ratio <= 1.3.
#
#   bash benches/dep-weight.sh              # RUNS=3 PROFILE=dev by default
#   RUNS=5 PROFILE=release bash benches/dep-weight.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${RUNS:-3}"
PROFILE="${PROFILE:-dev}"
BASE="${CARGO_TARGET_DIR:-$ROOT/target}"
DIR="$BASE/dep-weight"
unset CARGO_TARGET_DIR
export CARGO_INCREMENTAL=0

mkdir -p "$DIR/with-attio/src" "$DIR/bare/src"
for c in with-attio bare; do cp "$ROOT/Cargo.lock" "$DIR/$c/Cargo.lock"; done

cat > "$DIR/with-attio/Cargo.toml" <<TOML
[package]
name = "with-attio"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
attio = { path = "$ROOT/runtime" }
tokio = { version = "1", features = ["rt-multi-thread", "macros"] }

[workspace]
TOML
cat > "$DIR/with-attio/src/main.rs" <<'RS'
use attio::prelude::*;

#[attio::attio_object(slug = "users")]
struct User {
    user_id: String,
    primary_email_address: attio::EmailAddress,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = attio::Client::builder().api_key("token").build()?;
    let id: attio::RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse()?;
    if std::env::args().count() > 1 {
        let user = User { user_id: "1".into(), primary_email_address: "a@b.co".parse()? };
        user.update(&client, &id).await?;
    }
    Ok(())
}
RS

# reqwest's features as the workspace pins them, so that the HTTP stack is the same.
REQWEST=$(grep '^reqwest = ' "$ROOT/Cargo.toml" | sed 's/^reqwest = //')
RUSTLS=$(grep '^rustls = ' "$ROOT/Cargo.toml" | sed 's/^rustls = //')
cat > "$DIR/bare/Cargo.toml" <<TOML
[package]
name = "bare"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
reqwest = $REQWEST
rustls = $RUSTLS
rustls-platform-verifier = "0.7"
tokio = { version = "1", features = ["rt-multi-thread", "macros"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"

[workspace]
TOML
cat > "$DIR/bare/src/main.rs" <<'RS'
use std::sync::Arc;

use rustls_platform_verifier::BuilderVerifierExt as _;

#[derive(serde::Serialize, serde::Deserialize)]
struct User {
    user_id: String,
    primary_email_address: String,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_platform_verifier()?
        .with_no_client_auth();
    let http = reqwest::Client::builder().tls_backend_preconfigured(tls).build()?;
    if std::env::args().count() > 1 {
        let user = User { user_id: "1".into(), primary_email_address: "a@b.co".into() };
        let body = serde_json::json!({ "data": { "values": user } });
        let answer = http
            .patch("https://api.attio.com/v2/objects/users/records/5e3fb280-007b-495a-a530-9354bde01de1")
            .bearer_auth("token")
            .json(&body)
            .send()
            .await?;
        let _: serde_json::Value = serde_json::from_slice(&answer.bytes().await?)?;
    }
    Ok(())
}
RS
# `json` is what a program without the SDK would use to send the body.
sed -i 's/features = \["rustls-no-provider"/features = ["json", "rustls-no-provider"/' "$DIR/bare/Cargo.toml"

flag=""
[ "$PROFILE" = release ] && flag="--release"

# Fetch both dependency sets first, so that no timed build waits on the network.
for c in with-attio bare; do (cd "$DIR/$c" && cargo fetch -q); done

declare -A times crates
for run in $(seq 1 "$RUNS"); do
  for c in with-attio bare; do
    rm -rf "$DIR/$c/target"
    start=$(date +%s.%N)
    out=$(cd "$DIR/$c" && cargo build $flag 2>&1)
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    times[$c]="${times[$c]:-} $t"
    crates[$c]=$(echo "$out" | grep -c '^ *Compiling ')
    printf '%-11s run %d: %6.1f s, %d crates compiled\n' "$c" "$run" "$t" "${crates[$c]}"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ta=$(echo "${times[with-attio]}" | median)
tb=$(echo "${times[bare]}" | median)
echo
printf 'with-attio: %.1f s (median of %d), %d crates\n' "$ta" "$RUNS" "${crates[with-attio]}"
printf 'bare:       %.1f s (median of %d), %d crates\n' "$tb" "$RUNS" "${crates[bare]}"
printf 'ratio = %.2f (target <= 1.3)\n' "$(echo "$ta / $tb" | bc -l)"
