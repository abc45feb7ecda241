package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import org.apiguardian.api.API;

/**
 * Java serialization for the few values that travel in serialized form (throwables, and test sources of a kind
 * {@link TestSources} does not know).
 *
 * <p>Nothing is read without an {@link ObjectInputFilter} that caps depth, references, array sizes and bytes. Classes
 * resolve through the context class loader first, where the tests' own classes live.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class JavaSerialization {

    private static final ObjectInputFilter LIMITS =
            ObjectInputFilter.Config.createFilter("maxdepth=100;maxrefs=1000000;maxbytes=268435456;maxarray=67108864");

    private JavaSerialization() {}

    /** Serializes an object for the wire; empty when it cannot be serialized. */
    public static byte[] serialize(Object object) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (Exception | StackOverflowError e) {
            return new byte[0];
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a Java-serialized object through the size and depth filter, resolving classes through the context class
     * loader first.
     */
    public static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (var in = new ContextClassLoaderObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(LIMITS);
            return in.readObject();
        }
    }

    private static final class ContextClassLoaderObjectInputStream extends ObjectInputStream {

        ContextClassLoaderObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // try the default resolution below
                }
            }
            return super.resolveClass(desc);
        }
    }
}
