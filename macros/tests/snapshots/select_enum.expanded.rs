// Written by macros/src/snapshot.rs; rewrite with
// UPDATE_SNAPSHOTS=1 cargo test -p attio-macros snapshot
//
// The expansion of:
//
//     #[derive(SelectEnum)]
//     enum Category {
//         SaaS,
//         #[attio(rename = "B2B")]
//         BusinessToBusiness,
//         #[attio(other)]
//         Other(String),
//     }

#[doc(hidden)]
const _: () = {
    use ::attio as _attio;
    #[automatically_derived]
    impl _attio::SelectEnum for Category {
        type Choice = _attio::SelectOption;
        const TITLES: &'static [&'static str] = &["SaaS", "B2B"];
        const NAME: &'static str = "Category";
        #[inline]
        fn variant(&self) -> _attio::__private::Variant<_attio::SelectOption> {
            match self {
                Self::SaaS => _attio::__private::Variant::Named(0usize),
                Self::BusinessToBusiness => _attio::__private::Variant::Named(1usize),
                Self::Other(__held) => {
                    _attio::__private::held_other::<_attio::SelectOption, _>(__held)
                }
            }
        }
        #[inline]
        fn from_index(index: usize) -> Self {
            match index {
                0usize => Self::SaaS,
                _ => Self::BusinessToBusiness,
            }
        }
        #[inline]
        fn from_other(
            choice: _attio::SelectOption,
        ) -> ::core::result::Result<Self, _attio::SelectOption> {
            ::core::result::Result::Ok(
                Self::Other(
                    <_ as _attio::__private::CatchAll<
                        _attio::SelectOption,
                    >>::from_choice(choice),
                ),
            )
        }
    }
    #[automatically_derived]
    impl _attio::AttioValue for Category {
        const ATTRIBUTE_TYPE: _attio::AttributeType = <_attio::SelectOption as _attio::AttioValue>::ATTRIBUTE_TYPE;
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
    impl _attio::WritableValue for Category {
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
    impl _attio::values::ListValue for Category {}
    #[automatically_derived]
    impl _attio::Filterable for Category {
        type Handle<O> = _attio::SelectFilter<O, Self>;
        #[inline]
        fn handle<O>(at: _attio::__private::At) -> Self::Handle<O> {
            _attio::__private::enum_handle(at)
        }
    }
    #[automatically_derived]
    impl _attio::ChoiceOperand for Category {
        #[inline]
        fn choice_operand(&self) -> ::std::string::String {
            _attio::__private::enum_operand(self)
        }
    }
};
