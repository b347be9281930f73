package org.sinterscope.models;

/** Train, validation and test patches (test may be empty). */
public record DataSplit(PatchSet train, PatchSet val, PatchSet test) {
}
