//! The command line, as clap reads it: `attio generate` and `attio schema`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Typed Rust structs from an Attio workspace, and its schema at a glance.
///
/// `attio` reads the workspace named by the access token in ATTIO_API_KEY, at ATTIO_BASE_URL if
/// set (default: Attio itself, `https://api.attio.com`). The token needs the
/// object_configuration:read and list_configuration:read scopes, and activity_configuration:read
/// for activities.
#[derive(Debug, Parser)]
#[command(name = "attio", version, about, long_about, after_help = TRY_IT)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// How to try `attio` with no account, shown at the end of `attio --help`.
const TRY_IT: &str = "\
To try it without an account, start the sandbox (an Attio-compatible server on loopback) and point
ATTIO_BASE_URL at it:
  cargo run -p attio-sandbox -- --api-key test --listen 127.0.0.1:4010 &
  export ATTIO_API_KEY=test ATTIO_BASE_URL=http://127.0.0.1:4010
  attio schema people
  attio generate --object people --object companies --object deals --out src/attio_types.rs";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write Rust structs for objects, lists and activities, with every live attribute typed.
    ///
    /// Writes one `#[attio::attio_object]` struct per object, one `#[attio::attio_list]` struct
    /// per list and one `#[attio::attio_activity]` struct per activity (with the schema it
    /// extends), with a field for every live attribute in its Rust type: `T` when the attribute is
    /// required, `Option<T>` when it is optional, `Vec<T>` when it is multiselect, read-only where
    /// Attio cannot write it, and an `attio::Ref<T>` for a record reference to one object that is
    /// generated too (add it with --object). Each select and status attribute gets a
    /// `#[derive(attio::SelectEnum)]` enum of its live options, with a catch-all for options
    /// added later. The code compiles as is.
    ///
    /// Progress goes to stderr; the code to stdout, or to the file given with --out.
    Generate(GenerateArgs),
    /// Print an object's, list's or activity's attributes, options and statuses as a table.
    ///
    /// Prints the attributes of an object, a list or an activity (archived ones too) as a table:
    /// slug, title, type, and whether each is multiselect, required, unique, writable and
    /// archived; then the options and statuses of each select and status attribute.
    Schema(SchemaArgs),
}

/// The arguments of `attio generate`.
#[derive(Debug, Args)]
#[command(
    group(clap::ArgGroup::new("what").required(true).multiple(true).args(["objects", "lists", "activities"])),
    after_help = "Examples:\n  attio generate --object people --object companies --object deals --out src/attio_types.rs\n  attio generate --object people --activity site_visits"
)]
pub struct GenerateArgs {
    /// An object to generate a struct for, by api slug (`people`); repeat or separate with
    /// commas for several.
    #[arg(long = "object", value_name = "SLUG", value_delimiter = ',')]
    pub objects: Vec<String>,
    /// A list to generate an entry struct for, by api slug (`sales_pipeline`); repeat for
    /// several. Its parent object is generated too.
    #[arg(long = "list", value_name = "SLUG", value_delimiter = ',')]
    pub lists: Vec<String>,
    /// An activity to generate a struct for its records, by api slug (`site_visits`); repeat
    /// for several. A reference to one object is an `attio::Ref<T>` when that object is
    /// generated too (`--object people` for `attio::Ref<Person>`).
    #[arg(long = "activity", value_name = "SLUG", value_delimiter = ',')]
    pub activities: Vec<String>,
    /// Write the code to this file instead of stdout.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
}

/// The arguments of `attio schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The object's, list's or activity's api slug (`people`, `sales_pipeline`, `site_visits`);
    /// objects are looked up first, then lists, then activities.
    pub slug: String,
}

impl GenerateArgs {
    /// The command line that generates the same code, for the generated file's header.
    ///
    /// ```
    /// use clap::Parser as _;
    /// let cli = attio_cli::cli::Cli::parse_from(["attio", "generate", "--object", "people,deals"]);
    /// let attio_cli::cli::Command::Generate(args) = cli.command else { unreachable!() };
    /// assert_eq!(args.command_line(), "attio generate --object people --object deals");
    ///
    /// let cli = attio_cli::cli::Cli::parse_from(["attio", "generate", "--activity", "site_visits,calls", "--object", "people"]);
    /// let attio_cli::cli::Command::Generate(args) = cli.command else { unreachable!() };
    /// assert_eq!(args.command_line(), "attio generate --object people --activity site_visits --activity calls");
    /// ```
    pub fn command_line(&self) -> String {
        let mut line = "attio generate".to_owned();
        for o in &self.objects {
            line.push_str(" --object ");
            line.push_str(o);
        }
        for l in &self.lists {
            line.push_str(" --list ");
            line.push_str(l);
        }
        for a in &self.activities {
            line.push_str(" --activity ");
            line.push_str(a);
        }
        line
    }
}
