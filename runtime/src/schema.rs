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

use crate::client::Client;
use crate::error::Result;
use crate::operation::schema as ops;
use crate::pages::Listing;

pub use crate::wire::schema::{
    Attribute, AttributeConfig, AttributeIdentifier, AttributeOption, AttributeStatus,
    AttributeUpdate, ChoiceUpdate, CurrencyConfig, NewAttribute, NewObject, NewStatus, Object,
    ObjectIdentifier, ObjectUpdate, RecordReferenceConfig, Relationship, Target,
};

impl Client {
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
    /// required or unique, or archives and restores it. Its type and cardinality never change.
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
