// Written by macros/src/snapshot.rs; rewrite with
// UPDATE_SNAPSHOTS=1 cargo test -p attio-macros snapshot
//
// The expansion of:
//
//     #[derive(SelectEnum)]
//     #[attio(status)]
//     enum Stage {
//         Lead,
//         #[attio(rename = "In Progress")]
//         InProgress,
//         #[attio(rename = "Won 🎉")]
//         Won,
//         #[attio(other)]
//         Unknown,
//     }

#[doc(hidden)]
const _: () = {
    use ::attio as _attio;
    #[automatically_derived]
    impl _attio::SelectEnum for Stage {
        type Choice = _attio::Status;
        const TITLES: &'static [&'static str] = &["Lead", "In Progress", "Won 🎉"];
        const NAME: &'static str = "Stage";
        #[inline]
        fn variant(&self) -> _attio::__private::Variant<_attio::Status> {
            match self {
                Self::Lead => _attio::__private::Variant::Named(0usize),
                Self::InProgress => _attio::__private::Variant::Named(1usize),
                Self::Won => _attio::__private::Variant::Named(2usize),
                Self::Unknown => _attio::__private::unit_other::<Self>("Unknown"),
            }
        }
        #[inline]
        fn from_index(index: usize) -> Self {
            match index {
                0usize => Self::Lead,
                1usize => Self::InProgress,
                _ => Self::Won,
            }
        }
        #[inline]
        fn from_other(
            choice: _attio::Status,
        ) -> ::core::result::Result<Self, _attio::Status> {
            {
                let _ = choice;
                ::core::result::Result::Ok(Self::Unknown)
            }
        }
    }
    #[automatically_derived]
    impl _attio::AttioValue for Stage {
        const ATTRIBUTE_TYPE: _attio::AttributeType = <_attio::Status as _attio::AttioValue>::ATTRIBUTE_TYPE;
        const CONTRACT: _attio::ValueContract = _attio::ValueContract::choices(
            <Self as _attio::SelectEnum>::TITLES,
            true,
        );
        type Shape = _attio::__private::ChoiceShape<Self>;
        #[inline]
        fn from_shape(
            shape: Self::Shape,
            meta: _attio::__private::ValueMeta,
        ) -> ::core::result::Result<Self, ::std::string::String> {
            _attio::__private::enum_from_shape(shape, meta)
        }
    }
    #[automatically_derived]
    impl _attio::WritableValue for Stage {
        #[inline]
        fn validate(&self) -> ::core::result::Result<(), _attio::ValueError> {
            _attio::__private::enum_validate(self)
        }
        #[inline]
        fn encode<S: _attio::__private::serde::Serializer>(
            &self,
            s: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            _attio::__private::enum_encode(self, s)
        }
    }
    #[automatically_derived]
    impl _attio::values::ListValue for Stage {}
    #[automatically_derived]
    impl _attio::Filterable for Stage {
        type Handle<O> = _attio::SelectFilter<O, Self>;
        #[inline]
        fn handle<O>(at: _attio::__private::At) -> Self::Handle<O> {
            _attio::__private::enum_handle(at)
        }
    }
    #[automatically_derived]
    impl _attio::ChoiceOperand for Stage {
        #[inline]
        fn choice_operand(&self) -> ::std::string::String {
            _attio::__private::enum_operand(self)
        }
    }
};
