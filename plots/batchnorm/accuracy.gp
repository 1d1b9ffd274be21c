# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): strategy id, mean accuracy (%), standard deviation over seeds (%), bar text,
# mean test accuracy (%, ? without a test set).
$accuracy << EOD
normal-1 0.000 0.000 "diverged at batch 3 (seed 1)" ?
normal-1-bn 76.915 0.616 "76.92%" 76.378
normal-0.01 9.812 0.131 "9.81%" 10.000
normal-0.01-bn 86.547 0.423 "86.55%" 85.602
ones 9.812 0.131 "9.81%" 10.000
ones-bn 13.417 1.095 "13.42%" 13.352
kaiming 85.482 0.375 "85.48%" 84.724
kaiming-bn 87.147 0.615 "87.15%" 86.050
default 73.148 3.000 "73.15%" 72.704
default-bn 86.517 0.705 "86.52%" 85.754
EOD
reset
set terminal pngcairo size 960,616 noenhanced font 'sans,11'
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
set title 'Does the initialization still matter with batch normalization? A 6-hidden-layer ReLU network with and without'."\n".'it: validation accuracy (mean over 5 seeds, error bars ± 1 standard deviation; diamonds: test accuracy)'
set ylabel 'Accuracy (%)'
set yrange [0:105]
set xrange [-0.6:9.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics scale 0 ('N(0, 1)' 0, 'N(0, 1) +'."\n".'BN' 1, 'N(0, 0.01)' 2, 'N(0, 0.01)'."\n".'+ BN' 3, 'All Ones' 4, 'All Ones +'."\n".'BN' 5, 'Kaiming'."\n".'normal' 6, 'Kaiming'."\n".'normal +'."\n".'BN' 7, 'PyTorch'."\n".'default' 8, 'PyTorch'."\n".'default +'."\n".'BN' 9)
set bmargin 8
set datafile missing '?'
set key outside below center horizontal height 1
plot $accuracy using 0:2 with boxes linecolor rgb '#0072B2' title 'validation accuracy', \
     $accuracy using 0:($2 - $3):(0):(2 * $3) with vectors heads size screen 0.008,90 linecolor rgb 'black' linewidth 1.5 notitle, \
     $accuracy using 0:($2 + $3):4 with labels offset 0,0.9 font ',9' notitle, \
     $accuracy using 0:5 with points pointtype 13 pointsize 2 linecolor rgb '#D55E00' title 'test accuracy'
