package org.mailsim.model.operations;

/** A storage group's contents at the moment of a failure, from which the recovery durations follow. */
public record GroupSnapshot(int group, double timeHours, double users, double files, double bytes) {
    public static GroupSnapshot of(GroupContents contents, int group, double t) {
        return new GroupSnapshot(group, t, contents.users(group), contents.files(group, t), contents.bytes(group, t));
    }

    /** Mean bytes per message (file); 0 for an empty group. */
    public double bytesPerFile() {
        return files > 0 ? bytes / files : 0;
    }
}
