package org.crackdown.cli;

import org.crackdown.sweep.Shard;

import picocli.CommandLine;

/** {@code --shard i/N}: one slice of a sweep, refused with the allowed form when malformed. */
final class ShardConverter implements CommandLine.ITypeConverter<Shard> {
    @Override
    public Shard convert(String value) {
        try {
            return Shard.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("--shard: " + e.getMessage());
        }
    }
}
