//! Meeting updates and deletion (filled by the next change).
