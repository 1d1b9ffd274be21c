# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): strategy id, mean accuracy (%), standard deviation over seeds (%), text above,
# mean test accuracy (%, ? without a test set), spread text.
$accuracy << EOD
tanh-gauss-8 79.767 0.200 "79.77%" 79.140 "± 0.20"
tanh-orthogonal-8 78.942 0.200 "78.94%" 78.045 "± 0.20"
relu-gauss-8 81.408 0.566 "81.41%" 80.565 "± 0.57"
relu-orthogonal-8 81.137 1.125 "81.14%" 80.245 "± 1.13"
tanh-gauss-32 81.562 0.359 "81.56%" 80.515 "± 0.36"
tanh-orthogonal-32 82.787 0.265 "82.79%" 81.725 "± 0.27"
relu-gauss-32 80.438 0.583 "80.44%" 79.385 "± 0.58"
relu-orthogonal-32 81.600 0.295 "81.60%" 80.535 "± 0.29"
tanh-gauss-128 77.525 2.074 "77.53%" 76.565 "± 2.07"
tanh-orthogonal-128 84.067 0.542 "84.07%" 83.420 "± 0.54"
relu-gauss-128 30.188 12.569 "30.19%" 30.030 "± 12.57"
relu-orthogonal-128 44.908 10.383 "44.91%" 44.745 "± 10.38"
EOD
reset
set terminal pngcairo size 960,632 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'accuracy.png'
set title 'Dynamical isometry: tanh at the edge of chaos (σ_w² = 1.05, σ_b² = 2e-5) and ReLU with He'."\n".'scaling, Gaussian against orthogonal, at 8, 32 and 128 hidden layers: validation accuracy (mean'."\n".'± 1 standard deviation over 2 seeds, as error bars and in numbers; diamonds: test accuracy)'
set ylabel 'Accuracy (%)'
set yrange [0:105]
set xrange [-0.6:11.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics scale 0 ('tanh'."\n".'Gaussian,'."\n".'8 layers' 0, 'tanh'."\n".'orthogonal,'."\n".'8 layers' 1, 'ReLU He'."\n".'Gaussian,'."\n".'8 layers' 2, 'ReLU'."\n".'orthogonal,'."\n".'8 layers' 3, 'tanh'."\n".'Gaussian,'."\n".'32'."\n".'layers' 4, 'tanh'."\n".'orthogonal,'."\n".'32'."\n".'layers' 5, 'ReLU He'."\n".'Gaussian,'."\n".'32'."\n".'layers' 6, 'ReLU'."\n".'orthogonal,'."\n".'32'."\n".'layers' 7, 'tanh'."\n".'Gaussian,'."\n".'128'."\n".'layers' 8, 'tanh'."\n".'orthogonal,'."\n".'128'."\n".'layers' 9, 'ReLU He'."\n".'Gaussian,'."\n".'128'."\n".'layers' 10, 'ReLU'."\n".'orthogonal,'."\n".'128'."\n".'layers' 11)
set bmargin 9
set datafile missing '?'
set key outside below center horizontal height 1
plot $accuracy using 0:2 with boxes linecolor rgb '#0072B2' title 'validation accuracy', \
     $accuracy using 0:($2 - $3):(0):(2 * $3) with vectors heads size screen 0.008,90 linecolor rgb 'black' linewidth 1.5 notitle, \
     $accuracy using 0:($2 + $3):6 with labels offset 0,0.8 font ',9' notitle, \
     $accuracy using 0:($2 + $3):4 with labels offset 0,1.8 font ',9' notitle, \
     $accuracy using 0:5 with points pointtype 13 pointsize 2 linecolor rgb '#D55E00' title 'test accuracy'
