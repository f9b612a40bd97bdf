const path = require("path");
const webpack = require("webpack");
const CopyPlugin = require("copy-webpack-plugin");

/** Replaces `request` with a stub from scripts/build/ where a module in a folder matching `context` asks for it. */
function stub(request, context, file) {
  return new webpack.NormalModuleReplacementPlugin(request, (resource) => {
    if (context.test(resource.context)) resource.request = path.resolve(__dirname, "scripts/build", file);
  });
}

/**
 * The production bundle: minified, with a separate source map for stack traces.
 * Spectral's main entry requires its testing module (jest-mock, jest-util, picomatch) unconditionally, and its
 * converter requires zod and yaml for code-native integrations; a component calls none of them at run time, so the
 * bundle gets stubs in their place.
 * `env.unminified` and `env.outDir` exist for the test that compares both builds' component definitions.
 */
module.exports = (env = {}) => ({
  mode: "production",
  target: "node",
  context: __dirname,
  entry: "./src/index.ts",
  devtool: "source-map",
  output: {
    path: env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist"),
    filename: "index.js",
    libraryTarget: "commonjs2",
    clean: true,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: "ts-loader",
        options: { configFile: path.resolve(__dirname, "tsconfig.build.json"), transpileOnly: true },
      },
    ],
  },
  optimization: {
    minimize: !env.unminified,
    // Class names stay readable in error reports ("GraphError: ...").
    minimizeOptions: { javascript: { compress: { passes: 2 }, keepClassnames: true } },
  },
  plugins: [
    stub(/^\.\/testing$/, /@prismatic-io[\\/]spectral[\\/]dist$/, "spectralTestingStub.ts"),
    stub(/^\.\/configurationSchema$/, /@prismatic-io[\\/]spectral[\\/]dist[\\/]serverTypes$/, "spectralIntegrationStub.ts"),
    stub(/^yaml$/, /@prismatic-io[\\/]spectral[\\/]dist[\\/]serverTypes$/, "spectralIntegrationStub.ts"),
    new webpack.DefinePlugin({
      "process.env.DOCUMENTATION_URL": JSON.stringify(process.env.DOCUMENTATION_URL ?? ""),
    }),
    new CopyPlugin({ patterns: [{ from: "assets", to: "." }] }),
  ],
});
