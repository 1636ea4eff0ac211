//! A workspace's schema, typed: objects, the attributes of objects and lists, and the options
//! and statuses of select and status attributes. Read them, create what is missing, rename and
//! archive (nothing in a schema is ever deleted: archiving is the one way out, and it can be
//! undone).
//!
//! ```no_run
//! use attio::AttributeType;
//! use attio::schema::{AttributeUpdate, NewAttribute, NewStatus, Target};
//!
//! # async fn run(client: attio::Client) -> attio::Result<()> {
//! // Every attribute of people, archived ones included.
//! for attribute in client.attributes(Target::object("people")).with_archived().collect_all().await? {
//!     println!("{:<24} {:<16} multiselect: {}", attribute.api_slug, attribute.attribute_type, attribute.is_multiselect);
//! }
//!
//! // A pipeline stage on a list, with its statuses.
//! let sales = Target::list("sales_pipeline");
//! client.create_attribute(&sales, &NewAttribute::new("stage", "Stage", AttributeType::Status)).await?;
//! client.create_status(&sales, "stage", &NewStatus::new("Won 🎉").celebration(true)).await?;
//!
//! // Restore an archived attribute.
//! client.update_attribute(&Target::object("companies"), "tier", &AttributeUpdate::new().archived(false)).await?;
//! # Ok(()) }
//! ```

mod check;
mod plan;
mod views;

use crate::client::Client;
use crate::error::Result;
use crate::operation::schema as ops;
use crate::pages::Listing;
use crate::values::AttioObject;

pub use crate::error::{Finding, Problem, SchemaReport, TypeReport};
pub use check::Contract;
pub use plan::{Change, SchemaPlan};
pub use views::ViewListing;

pub use crate::wire::schema::{
    Attribute, AttributeConfig, AttributeIdentifier, AttributeOption, AttributeStatus,
    AttributeUpdate, ChoiceUpdate, CurrencyConfig, NewAttribute, NewObject, NewStatus, Object,
    ObjectIdentifier, ObjectUpdate, RecordReferenceConfig, Relationship, Target,
};

impl Client {
    /// Checks the struct `T` against the live workspace: every way they disagree, each naming
    /// the Rust field and the attribute, with what to write instead (see [`Problem`]). Reads
    /// only; needs the `object_configuration:read` (or `list_configuration:read`) scope.
    ///
    /// The client also learns which of the attributes Attio keeps unique: from then on, a create
    /// of `T` whose answer is lost is resolved through them, as through an `#[attio(unique)]`
    /// field (see [`Client::create_record`]).
    ///
    /// ```no_run
    /// #[attio::attio_object(slug = "users")]
    /// struct User {
    ///     #[attio(unique)]
    ///     user_id: String,
    ///     primary_email_address: attio::EmailAddress,
    /// }
    ///
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let report = client.check_schema::<User>().await?;
    /// assert!(report.is_compatible(), "{report}");
    /// # Ok(()) }
    /// ```
    pub async fn check_schema<T: AttioObject>(&self) -> Result<SchemaReport> {
        self.check_schemas(&[Contract::of::<T>()]).await
    }

    /// Checks several structs at once (one report each, in order).
    ///
    /// ```no_run
    /// use attio::schema::Contract;
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # #[attio::attio_object(slug = "workspaces")] struct Workspace { workspace_id: String }
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let report = client
    ///     .check_schemas(&[Contract::of::<User>(), Contract::of::<Workspace>()])
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn check_schemas(&self, contracts: &[Contract]) -> Result<SchemaReport> {
        let objects = check::read_object_slugs(self, contracts).await?;
        let mut report = SchemaReport::default();
        for contract in contracts {
            let live = check::read_live(self, contract).await?;
            report.types.push(check::compare(contract, &live, &objects));
        }
        Ok(report)
    }

    /// What [`Client::ensure_schema`] would change for `T`, without changing anything: the
    /// object or list to create, attributes to create or restore, options and statuses to add
    /// or restore; and what it refuses (see [`SchemaPlan::refused`]).
    ///
    /// For an activity that does not exist yet, the plan lists an attribute for every field: it
    /// cannot know which of them the schema the activity extends will supply (`occurred_at`, for
    /// instance). [`ensure_schema`](Client::ensure_schema) creates the activity first and then
    /// creates only what it lacks.
    ///
    /// ```no_run
    /// #[attio::attio_object(slug = "projects", singular = "Project", plural = "Projects")]
    /// struct Project {
    ///     name: String,
    /// }
    ///
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let plan = client.plan_schema::<Project>().await?;
    /// for change in &plan.changes {
    ///     println!("{change}");
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn plan_schema<T: AttioObject>(&self) -> Result<SchemaPlan> {
        self.plan_schemas(&[Contract::of::<T>()]).await
    }

    /// [`Client::plan_schema`] for several structs at once.
    pub async fn plan_schemas(&self, contracts: &[Contract]) -> Result<SchemaPlan> {
        let objects = check::read_object_slugs(self, contracts).await?;
        let mut changes = Vec::new();
        let mut refused = SchemaReport::default();
        for contract in contracts {
            let live = check::read_live(self, contract).await?;
            refused
                .types
                .push(plan::plan_one(contract, &live, &objects, &mut changes));
        }
        Ok(SchemaPlan {
            changes: plan::finish(changes),
            refused,
        })
    }

    /// Makes the workspace agree with `T`: creates the custom object (from its
    /// `singular`/`plural` nouns) or the list if missing, creates missing attributes with the
    /// field's type, cardinality, uniqueness and title, restores archived ones, and adds (or
    /// restores) the options and statuses an enum names. Returns what it changed.
    ///
    /// It never changes what Attio does not change (a type, a cardinality) and never archives:
    /// when the plan needs either, or the struct asks for something Attio refuses, nothing is
    /// applied and the error is [`Error::Schema`](crate::Error::Schema), naming every field.
    /// Safe to run at every start-up: a second run changes nothing.
    ///
    /// ```no_run
    /// #[derive(Debug, Clone, Copy, PartialEq, attio::SelectEnum)]
    /// enum Health { Green, Amber, Red }
    ///
    /// #[attio::attio_object(slug = "projects", singular = "Project", plural = "Projects")]
    /// struct Project {
    ///     #[attio(unique)]
    ///     code: String,
    ///     /// Project health
    ///     health: Option<Health>,
    /// }
    ///
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let applied = client.ensure_schema::<Project>().await?;
    /// println!("{applied}");
    /// assert!(client.plan_schema::<Project>().await?.is_empty());
    /// # Ok(()) }
    /// ```
    pub async fn ensure_schema<T: AttioObject>(&self) -> Result<SchemaPlan> {
        self.ensure_schemas(&[Contract::of::<T>()]).await
    }

    /// [`Client::ensure_schema`] for several structs at once: objects and lists first, so that a
    /// `Ref<T>` attribute can name an object created in the same call.
    ///
    /// An activity the call creates inherits attributes from the schema it extends, which no plan
    /// can see before the activity exists: the objects, lists and activities are created first,
    /// then the attributes are planned again against what Attio now has, and the plan returned
    /// holds both parts.
    pub async fn ensure_schemas(&self, contracts: &[Contract]) -> Result<SchemaPlan> {
        let plan = self.plan_schemas(contracts).await?;
        if !plan.is_possible() {
            return Err(plan::refused(plan));
        }
        if !plan.creates_an_activity() {
            for change in &plan.changes {
                plan::apply(self, change).await?;
            }
            return Ok(plan);
        }
        let (targets, _): (Vec<Change>, Vec<Change>) =
            plan.changes.into_iter().partition(Change::creates_a_target);
        for change in &targets {
            plan::apply(self, change).await?;
        }
        let rest = self.plan_schemas(contracts).await?;
        if !rest.is_possible() {
            return Err(plan::refused(rest));
        }
        for change in &rest.changes {
            plan::apply(self, change).await?;
        }
        let mut changes = targets;
        changes.extend(rest.changes);
        Ok(SchemaPlan {
            changes,
            refused: rest.refused,
        })
    }

    /// `GET /v2/objects`: every object of the workspace, standard and custom.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// for object in client.objects().await? {
    ///     println!("{:?} ({:?})", object.api_slug, object.plural_noun);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn objects(&self) -> Result<Vec<Object>> {
        self.execute(ops::objects()).await
    }

    /// `GET /v2/objects/{object}`: one object, by slug or id.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let people = client.get_object("people").await?;
    /// println!("{}", people.id.object_id);
    /// # Ok(()) }
    /// ```
    pub async fn get_object(&self, object: &str) -> Result<Object> {
        self.execute(ops::get_object(object)?).await
    }

    /// `POST /v2/objects`: creates a custom object. Fails with
    /// [`ErrorCode::SlugConflict`](crate::ErrorCode::SlugConflict) when the slug is taken; not
    /// retried once sent.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let new = attio::schema::NewObject::new("projects", "Project", "Projects");
    /// let projects = client.create_object(&new).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_object(&self, new: &NewObject) -> Result<Object> {
        self.execute(ops::create_object(new)?).await
    }

    /// `PATCH /v2/objects/{object}`: changes an object's slug or nouns. An empty update is
    /// refused before sending.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let update = attio::schema::ObjectUpdate::new().singular_noun("Initiative");
    /// client.update_object("projects", &update).await?;
    /// # Ok(()) }
    /// ```
    pub async fn update_object(&self, object: &str, update: &ObjectUpdate) -> Result<Object> {
        self.execute(ops::update_object(object, update)?).await
    }

    /// `DELETE /v2/objects/{object}`: deletes a custom object **and every one of its records**,
    /// for good (their entries, notes, tasks and threads with them). System objects (people,
    /// companies, …) cannot be deleted: Attio refuses with
    /// [`ErrorCode::SystemEditUnauthorized`](crate::ErrorCode::SystemEditUnauthorized). Needs
    /// the scopes `object_configuration:read-write` and `record_permission:read-write`.
    /// Repeatable (a repeat finds no object: `404`).
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// client.delete_object_and_all_its_records("projects").await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_object_and_all_its_records(&self, object: &str) -> Result<()> {
        self.execute(ops::delete_object(object)?).await
    }

    /// The attributes of an object or a list, in the order of Attio's web app, as a stream that
    /// pages by itself (`GET …/attributes?limit=&offset=`). Archived attributes are left out
    /// unless asked for with [`AttributeListing::with_archived`].
    ///
    /// ```no_run
    /// use attio::schema::Target;
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let attributes = client.attributes(Target::list("sales_pipeline")).collect_all().await?;
    /// # Ok(()) }
    /// ```
    pub fn attributes(&self, target: Target) -> AttributeListing<'_> {
        AttributeListing {
            client: self,
            target,
            show_archived: false,
        }
    }

    /// `GET …/attributes/{attribute}`: one attribute, by slug or id.
    ///
    /// ```no_run
    /// use attio::schema::Target;
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let email = client.get_attribute(&Target::object("people"), "email_addresses").await?;
    /// assert!(email.is_multiselect);
    /// # Ok(()) }
    /// ```
    pub async fn get_attribute(&self, target: &Target, attribute: &str) -> Result<Attribute> {
        self.execute(ops::get_attribute(target, attribute)?).await
    }

    /// `POST …/attributes`: creates an attribute. What Attio would refuse (a status attribute
    /// on an object, a record reference without allowed objects, a type that cannot be created)
    /// is refused before sending; a taken slug fails with
    /// [`ErrorCode::SlugConflict`](crate::ErrorCode::SlugConflict). Not retried once sent.
    ///
    /// ```no_run
    /// use attio::AttributeType;
    /// use attio::schema::{NewAttribute, Target};
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let new = NewAttribute::new("tags", "Tags", AttributeType::Select).multiselect(true);
    /// client.create_attribute(&Target::object("companies"), &new).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_attribute(&self, target: &Target, new: &NewAttribute) -> Result<Attribute> {
        self.execute(ops::create_attribute(target, new)?).await
    }

    /// `PATCH …/attributes/{attribute}`: changes a title, description, slug, whether it is
    /// required or unique, or archives and restores it. Its type and cardinality never change
    /// (Attio answers `immutable_value`), and a system attribute (one Attio made, such as
    /// `people.job_title`) cannot be renamed, retitled or archived: Attio answers
    /// [`ErrorCode::SystemEditUnauthorized`](crate::ErrorCode::SystemEditUnauthorized).
    ///
    /// ```no_run
    /// use attio::schema::{AttributeUpdate, Target};
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// client.update_attribute(&Target::object("companies"), "tier", &AttributeUpdate::new().archived(true)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn update_attribute(
        &self,
        target: &Target,
        attribute: &str,
        update: &AttributeUpdate,
    ) -> Result<Attribute> {
        self.execute(ops::update_attribute(target, attribute, update)?)
            .await
    }

    /// `GET …/attributes/{attribute}/options`: the options of a select attribute; archived ones
    /// too when `show_archived`.
    ///
    /// ```no_run
    /// use attio::schema::Target;
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// for option in client.options(&Target::object("companies"), "categories", false).await? {
    ///     println!("{}", option.title);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn options(
        &self,
        target: &Target,
        attribute: &str,
        show_archived: bool,
    ) -> Result<Vec<AttributeOption>> {
        self.execute(ops::options(target, attribute, show_archived)?)
            .await
    }

    /// `POST …/attributes/{attribute}/options`: adds an option titled `title` to a select
    /// attribute. A taken title (archived ones too) fails with `slug_conflict`: restore it with
    /// [`Client::update_option`] instead.
    ///
    /// ```no_run
    /// use attio::schema::Target;
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// client.create_option(&Target::object("companies"), "tier", "Gold").await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_option(
        &self,
        target: &Target,
        attribute: &str,
        title: &str,
    ) -> Result<AttributeOption> {
        self.execute(ops::create_option(target, attribute, title)?)
            .await
    }

    /// `PATCH …/attributes/{attribute}/options/{option}`: renames, archives or restores an option
    /// named by id or title.
    ///
    /// ```no_run
    /// use attio::schema::{ChoiceUpdate, Target};
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// client.update_option(&Target::object("companies"), "tier", "Gold", &ChoiceUpdate::new().archived(true)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn update_option(
        &self,
        target: &Target,
        attribute: &str,
        option: &str,
        update: &ChoiceUpdate,
    ) -> Result<AttributeOption> {
        self.execute(ops::update_option(target, attribute, option, update)?)
            .await
    }

    /// `GET …/attributes/{attribute}/statuses`: the statuses of a status attribute; archived ones
    /// too when `show_archived`.
    ///
    /// ```no_run
    /// use attio::schema::Target;
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let stages = client.statuses(&Target::list("sales_pipeline"), "stage", true).await?;
    /// # Ok(()) }
    /// ```
    pub async fn statuses(
        &self,
        target: &Target,
        attribute: &str,
        show_archived: bool,
    ) -> Result<Vec<AttributeStatus>> {
        self.execute(ops::statuses(target, attribute, show_archived)?)
            .await
    }

    /// `POST …/attributes/{attribute}/statuses`: adds a status to a status attribute.
    ///
    /// ```no_run
    /// use attio::schema::{NewStatus, Target};
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// client.create_status(&Target::list("sales_pipeline"), "stage", &NewStatus::new("Lost")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_status(
        &self,
        target: &Target,
        attribute: &str,
        new: &NewStatus,
    ) -> Result<AttributeStatus> {
        self.execute(ops::create_status(target, attribute, new)?)
            .await
    }

    /// `PATCH …/attributes/{attribute}/statuses/{status}`: renames, archives or restores a status
    /// named by id or title, or changes its celebration or target time.
    ///
    /// ```no_run
    /// use attio::schema::{ChoiceUpdate, Target};
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// client.update_status(&Target::list("sales_pipeline"), "stage", "Lost", &ChoiceUpdate::new().archived(true)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn update_status(
        &self,
        target: &Target,
        attribute: &str,
        status: &str,
        update: &ChoiceUpdate,
    ) -> Result<AttributeStatus> {
        self.execute(ops::update_status(target, attribute, status, update)?)
            .await
    }
}

/// The attributes of an object or a list, built by [`Client::attributes`].
#[derive(Debug)]
#[must_use = "a listing does nothing until streamed or collected"]
pub struct AttributeListing<'c> {
    client: &'c Client,
    target: Target,
    show_archived: bool,
}

impl AttributeListing<'_> {
    /// Archived attributes too (`show_archived=true`): what a check or an "ensure" must see,
    /// since an archived attribute still holds its slug.
    pub fn with_archived(mut self) -> Self {
        self.show_archived = true;
        self
    }

    /// The attributes, page by page.
    pub fn stream(self) -> Listing<Attribute> {
        let path = match ops::attributes_path(&self.target) {
            Ok(path) => path,
            Err(e) => return Listing::failed(e),
        };
        let archived = self.show_archived;
        Listing::by_offset(
            self.client,
            ops::ATTRIBUTE_PAGE,
            0,
            None,
            move |limit, offset| ops::attributes_page(&path, archived, limit, offset),
        )
    }

    /// Every attribute.
    pub async fn collect_all(self) -> Result<Vec<Attribute>> {
        self.stream().collect_all().await
    }
}
